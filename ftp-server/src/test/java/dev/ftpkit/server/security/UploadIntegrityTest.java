package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interrupted transfers: ABOR and data connection resets never leave a partial target (RFC 959 §4.1.3 ABOR,
 * §4.2 426/226; uploads are atomic). Item 20.
 */
class UploadIntegrityTest extends SecurityFixture {

    // RFC 959 §4.1.3 ABOR: 426 for the aborted transfer, then 226; the old file stays
    @Test
    void aborDuringAnUploadKeepsTheOldFile() throws Exception {
        server = Security.server(root).build().start();
        Files.writeString(root.resolve("target.bin"), "old content");
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port()); Socket data = attacker.passive()) {
            attacker.expect(150, "STOR target.bin");
            OutputStream out = data.getOutputStream();
            out.write(new byte[100_000]);
            out.flush();
            assertThat(attacker.send("STAT").text()).contains("STOR in progress");
            Security.bystanderIsServed(server);
            attacker.sendRaw("ABOR\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(attacker.read().encode()).startsWith("426 ");
            assertThat(attacker.read().encode()).startsWith("226 ");
            assertThat(attacker.reply("NOOP")).startsWith("200 ");
            assertThat(new String(attacker.retrieve("target.bin"), StandardCharsets.UTF_8)).isEqualTo("old content");
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 959 §4.1.3 ABOR during RETR: 426 then 226; nothing changes on disk
    @Test
    void aborDuringADownloadAnswers426Then226() throws Exception {
        server = Security.server(root).build().start();
        Files.write(root.resolve("big.bin"), new byte[32 << 20]);
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port()); Socket data = attacker.passive()) {
            attacker.expect(150, "RETR big.bin");
            InputStream in = data.getInputStream();
            assertThat(in.readNBytes(65536)).hasSize(65536);
            attacker.sendRaw("ABOR\r\n".getBytes(StandardCharsets.US_ASCII));
            Reply first = attacker.read();
            if (first.codeValue() == 426) {
                assertThat(attacker.read().codeValue()).isEqualTo(226);
            } else {
                // RFC 959: if the transfer already completed, only 226
                assertThat(first.codeValue()).isEqualTo(226);
            }
            assertThat(attacker.reply("NOOP")).startsWith("200 ");
            Security.bystanderIsServed(server);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // a reset data connection is not an end of file: 426 and the old file (atomic upload)
    @Test
    @SuppressWarnings("try") // the data socket is reset early on purpose, before the reply is read
    void dataConnectionResetMidUploadKeepsTheOldFile() throws Exception {
        server = Security.server(root).build().start();
        Files.writeString(root.resolve("target.txt"), "old content");
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port()); Socket data = attacker.passive()) {
            attacker.expect(150, "STOR target.txt");
            data.getOutputStream().write("partial new".getBytes(StandardCharsets.US_ASCII));
            data.getOutputStream().flush();
            data.setSoLinger(true, 0); // RST, not FIN
            data.close();
            assertThat(attacker.read().encode()).startsWith("426 ");
            assertThat(attacker.reply("NOOP")).startsWith("200 ");
            Security.bystanderIsServed(server);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
