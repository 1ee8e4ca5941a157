package dev.ftpkit.server.internal.files;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileJailPropertiesTest {

    private static final Path HOME = createHome();

    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("ftpkit-jail");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 1000)
    void anyClientPathStaysInsideTheHomeOrIsRefused(@ForAll String cwdTail, @ForAll String clientPath) throws Exception {
        FileJail jail = new FileJail(HOME);
        try {
            String cwd = jail.normalize("/", cwdTail.replace("..", ""));
            String normalized = jail.normalize(cwd, clientPath);
            assertThat(normalized).startsWith("/").doesNotContain("/../").doesNotEndWith("/..");
            assertThat(jail.toPath(normalized).normalize()).startsWithRaw(HOME.toAbsolutePath().normalize());
        } catch (AccessDeniedException | java.nio.file.InvalidPathException refused) {
            // refusing is fine; escaping is not
        }
    }
}
