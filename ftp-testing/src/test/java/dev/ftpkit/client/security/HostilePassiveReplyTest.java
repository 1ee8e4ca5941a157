package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.Duration;

import static dev.ftpkit.client.security.Hostile.CONTENT;
import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static dev.ftpkit.client.security.Hostile.pasvArgument;
import static dev.ftpkit.client.security.Hostile.sendFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 227 reply naming another host: a hostile server makes the client scan or connect into its network
 * (CVE-2021-37533 Apache Commons Net, curl CURLOPT_FTP_SKIP_PASV_IP; RFC 2577 §3). Item 26.
 */
class HostilePassiveReplyTest {

    // CVE-2021-37533: the client connects to the control connection's host, never to the address in 227
    @ParameterizedTest
    @ValueSource(strings = {"10.254.253.252", "192.168.1.1", "172.16.0.1", "0.0.0.0", "127.0.0.2", "8.8.8.8"})
    void passiveReplyWithForeignOrPrivateAddressIsIgnoredByDefault(String advertised) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("PASV").reply("227 Entering Passive Mode (" + pasvArgument(advertised, port) + ").");
            sendFile(s, CONTENT);
        })) {
            FtpClientConfig config = fast().connectTimeout(Duration.ofMillis(500))
                    .dataConnectionMode(DataConnectionMode.passive().withoutEpsv()).build();
            try (FtpClient client = loggedIn(server, config)) {
                try (InputStream in = client.retrieve("file")) {
                    assertThat(in.readAllBytes()).isEqualTo(CONTENT);
                }
            }
            server.awaitScript();
        }
    }
}
