package dev.ftpkit.client;

import dev.ftpkit.testsupport.LogCapture;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's protocol transcript under the documented logger name, passwords masked. */
class ProtocolLogTest {

    @TempDir
    Path dir;

    @Test
    void theTranscriptIsLoggedAtDebugUnderDevFtpkitClientProtocolWithThePasswordMasked() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             LogCapture log = LogCapture.of("dev.ftpkit.client.protocol");
             FtpClient client = FtpClient.connect("127.0.0.1", vsftpd.port())) {
            client.login("anonymous", "secret-address@example.com");
            client.noop();

            String prefix = "127.0.0.1:" + vsftpd.port();
            assertThat(log.messages()).contains(prefix + " > USER anonymous", prefix + " > PASS ****",
                    prefix + " > NOOP").anySatisfy(line -> assertThat(line).startsWith(prefix + " < 220"))
                    .anySatisfy(line -> assertThat(line).startsWith(prefix + " < 230"));
            assertThat(String.join("\n", log.messages())).doesNotContain("secret-address");
        }
    }
}
