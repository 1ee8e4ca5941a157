package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.Test;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.nio.file.spi.FileSystemProvider;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers are found on the module path through {@code provides} in module-info (META-INF/services does not
 * count for a named module): the compiled client and core modules are loaded into a module layer of their own.
 */
class ModulePathProviderTest {

    private static Path classesOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void moduleLayerServiceLoaderFindsFtpAndFtpsProviders() throws Exception {
        ModuleFinder modules = ModuleFinder.of(classesOf(FtpClient.class), classesOf(Reply.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(modules, ModuleFinder.of(), Set.of("dev.ftpkit.client"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());

        var providers = ServiceLoader.load(layer, FileSystemProvider.class).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(providers).extracting(FileSystemProvider::getScheme).containsExactlyInAnyOrder("ftp", "ftps");
        assertThat(providers).allSatisfy(provider ->
                assertThat(provider.getClass().getModule().getName()).isEqualTo("dev.ftpkit.client"));
    }
}
