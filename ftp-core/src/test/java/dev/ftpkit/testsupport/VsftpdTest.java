package dev.ftpkit.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The test support starts a real vsftpd that speaks the seed's classic anonymous dialogue. */
class VsftpdTest {

    @Test
    void anonymousDialogueOfTheSeedWorksAgainstTheRealVsftpd(@TempDir Path dir) throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir).start();
             Socket control = new Socket(vsftpd.host(), vsftpd.port())) {
            control.setSoTimeout(10_000);
            BufferedReader replies = new BufferedReader(
                    new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream commands = control.getOutputStream();

            assertThat(replies.readLine()).startsWith("220 ");
            commands.write("USER anonymous\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(replies.readLine()).startsWith("331 ");
            commands.write("PASS guest@example.com\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(replies.readLine()).startsWith("230 ");
            commands.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(replies.readLine()).startsWith("221 ");
        }
    }

    @Test
    void closeStopsTheServer(@TempDir Path dir) throws Exception {
        Vsftpd vsftpd = Vsftpd.builder(dir).start();
        int port = vsftpd.port();
        vsftpd.close();

        assertThat(Files.isDirectory(vsftpd.uploadDir())).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}
