package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpConnectionPool;
import dev.ftpkit.client.FtpFileSystems;
import dev.ftpkit.client.FtpsConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a file system's URI and environment become its endpoint and pool. */
class FileSystemSettingsTest {

    @Test
    void credentialsComeFromTheUriThenTheEnvironmentElseAnonymous() {
        FileSystemSettings fromUri = FileSystemSettings.from(URI.create("ftp://al%20ice:p%40ss@Example.COM/"),
                Map.of(), false, 21);
        assertThat(fromUri.endpoint().user()).isEqualTo("al ice");
        assertThat(fromUri.endpoint().password()).isEqualTo("p@ss");
        assertThat(fromUri.endpoint().host()).isEqualTo("example.com");
        assertThat(fromUri.endpoint().port()).isEqualTo(21);
        assertThat(fromUri.endpoint().toString()).doesNotContain("p@ss");

        FileSystemSettings fromEnv = FileSystemSettings.from(URI.create("ftp://bob:x@host:2121/"),
                Map.of(FtpFileSystems.USER, "carol", FtpFileSystems.PASSWORD, "secret".toCharArray()), false, 21);
        assertThat(fromEnv.endpoint().user()).isEqualTo("carol");
        assertThat(fromEnv.endpoint().password()).isEqualTo("secret");
        assertThat(fromEnv.endpoint().port()).isEqualTo(2121);

        FileSystemSettings anonymous = FileSystemSettings.from(URI.create("ftp://host/"), Map.of(), false, 21);
        assertThat(anonymous.endpoint().user()).isEqualTo("anonymous");
        assertThat(anonymous.ownsPool()).isTrue();
    }

    @Test
    void ftpsSchemeAddsImplicitTlsOnlyWhenTheConfigurationHasNone() {
        FileSystemSettings plain = FileSystemSettings.from(URI.create("ftps://host/"), Map.of(), true, 990);
        assertThat(plain.endpoint().config().tls()).hasValueSatisfying(tls ->
                assertThat(tls.mode()).isEqualTo(FtpsConfig.Mode.IMPLICIT));
        assertThat(plain.endpoint().port()).isEqualTo(990);

        FtpClientConfig explicit = FtpClientConfig.builder().tls(FtpsConfig.explicit().build()).build();
        FileSystemSettings kept = FileSystemSettings.from(URI.create("ftps://host:21/"),
                Map.of(FtpFileSystems.CONFIG, explicit), true, 990);
        assertThat(kept.endpoint().config()).isSameAs(explicit);
    }

    @Test
    void aSharedPoolIsUsedAndNotOwned() {
        try (FtpConnectionPool pool = FtpConnectionPool.builder().build()) {
            FileSystemSettings settings = FileSystemSettings.from(URI.create("ftp://host/"),
                    Map.of(FtpFileSystems.POOL, pool), false, 21);

            assertThat(settings.pool()).isSameAs(pool);
            assertThat(settings.ownsPool()).isFalse();
        }
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> FileSystemSettings.from(URI.create("ftp://host/"),
                Map.of(FtpFileSystems.CONFIG, "not a config"), false, 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'config'");
        assertThatThrownBy(() -> FileSystemSettings.from(URI.create("ftp://host/"),
                Map.of(FtpFileSystems.MAX_CONNECTIONS, "many"), false, 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxConnections'");
        assertThatThrownBy(() -> FileSystemSettings.from(URI.create("ftp://host/"),
                Map.of(FtpFileSystems.MAX_CONNECTIONS, 0), false, 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
    }
}
