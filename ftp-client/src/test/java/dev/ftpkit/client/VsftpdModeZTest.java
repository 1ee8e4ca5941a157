package dev.ftpkit.client;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vsftpd has no MODE Z: the client asked for it gets the 504 as the transfer's failure, and MODE S still works. */
class VsftpdModeZTest {

    @TempDir
    Path dir;

    @Test
    void vsftpdRefusesModeZAndTheClientSaysSo() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.writeString(vsftpd.root().resolve("f.txt"), "plain");
            FtpClientConfig config = FtpClientConfig.builder().modeZ(true).timeouts(Duration.ofSeconds(10)).build();
            try (FtpClient client = FtpClient.connect(config, vsftpd.host(), vsftpd.port())) {
                client.loginAnonymous();
                assertThat(client.features().has("MODE", "Z")).isFalse();

                assertThatThrownBy(() -> client.retrieve("f.txt", new ByteArrayOutputStream()))
                        .isInstanceOfSatisfying(FtpReplyException.class,
                                e -> assertThat(e.reply().code().isPermanentNegative()).isTrue());
                client.setModeZ(false);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.retrieve("f.txt", out);
                assertThat(out.toString()).isEqualTo("plain");
            }
        }
    }
}
