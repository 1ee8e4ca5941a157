package dev.ftpkit.testsupport;

import dev.ftpkit.core.HostPort;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS test support works with the real vsftpd, and proves this JSSE fact: a data-connection
 * TLS socket created with the control connection's host and port resumes the control session, which
 * vsftpd's default {@code require_ssl_reuse=YES} demands.
 */
class VsftpdTlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3"})
    void dataConnectionResumesTheControlSessionUnderRequireSslReuse(String protocol, @TempDir Path dir)
            throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        SSLContext context = certificates.clientContext();
        try (Vsftpd vsftpd = Vsftpd.builder(dir).tls(certificates).start();
             Socket plain = new Socket(vsftpd.host(), vsftpd.port())) {
            Files.writeString(vsftpd.root().resolve("secret.txt"), "over TLS\n");
            plain.setSoTimeout(10_000);
            assertThat(lineOf(plain)).startsWith("220 ");
            plain.getOutputStream().write("AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(lineOf(plain)).startsWith("234 ");

            SSLSocket control = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "localhost", vsftpd.port(), true);
            control.setEnabledProtocols(new String[] {protocol});
            control.startHandshake();
            BufferedReader replies = new BufferedReader(
                    new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream commands = control.getOutputStream();
            assertThat(send(commands, replies, "USER anonymous")).startsWith("331 ");
            assertThat(send(commands, replies, "PASS guest@example.com")).startsWith("230 ");
            assertThat(send(commands, replies, "PBSZ 0")).startsWith("200 ");
            assertThat(send(commands, replies, "PROT P")).startsWith("200 ");
            HostPort passive = HostPort.parsePassiveReply(send(commands, replies, "PASV"));

            try (Socket rawData = new Socket(vsftpd.host(), passive.port())) {
                assertThat(send(commands, replies, "RETR secret.txt")).startsWith("150 ");
                // Same context, control connection's host and port: JSSE's cache offers the control session.
                SSLSocket data = (SSLSocket) context.getSocketFactory()
                        .createSocket(new ReportedPortSocket(rawData, vsftpd.port()), "localhost", vsftpd.port(), true);
                data.setEnabledProtocols(new String[] {protocol});
                data.setUseClientMode(true);
                data.startHandshake();
                // vsftpd waits for the client's close_notify before it closes a TLS 1.3 data connection,
                // so the test reads the known length instead of waiting for the end of the stream.
                byte[] received = data.getInputStream().readNBytes(9);
                assertThat(received).isEqualTo("over TLS\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(data.getSession().getCreationTime())
                        .as("resumed the control connection's session")
                        .isEqualTo(control.getSession().getCreationTime());
                data.close();
            }
            assertThat(replies.readLine()).startsWith("226 ");
        }
    }

    private static String send(OutputStream commands, BufferedReader replies, String command) throws IOException {
        commands.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
        return replies.readLine();
    }

    private static String lineOf(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            int b = socket.getInputStream().read();
            if (b < 0 || b == '\n') {
                break;
            }
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
