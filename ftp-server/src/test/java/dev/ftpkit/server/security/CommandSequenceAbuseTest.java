package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out-of-range arguments and broken command sequences (RFC 3659 §5 REST, RFC 959 §4.1.3 RNFR/RNTO, STOR, RMD,
 * DELE; RFC 959 §5.4 sequencing). Items 17, 18 and 19.
 */
class CommandSequenceAbuseTest extends SecurityFixture {

    // RFC 3659 §5.2: the REST marker is a decimal number of octets; anything else is 501, beyond the end 554
    @Test
    void restWithNegativeHugeOrNonNumericOffsetsIsRefused() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (String offset : new String[] {"-1", "-9223372036854775808", "99999999999999999999999", "abc", "1e9",
                "0x10", "", "5 5", "+5", "５"}) {
                assertThat(attacker.reply("REST " + offset)).as("REST '" + offset + "'").startsWith("501 ");
            }
            attacker.expect(350, "REST 1000000000000");
            assertThat(attacker.sendWithPassive("RETR " + Security.PROBE).encode())
                    .isEqualTo("554 Restart offset beyond the end of the file.\r\n");
            attacker.expect(350, "REST " + (Security.PROBE_CONTENT.length() + 1));
            assertThat(attacker.sendWithPassive("RETR " + Security.PROBE).encode())
                    .isEqualTo("554 Restart offset beyond the end of the file.\r\n");
            attacker.expect(350, "REST 1000000000000");
            assertThat(attacker.sendWithPassive("STOR " + Security.PROBE).encode())
                    .isEqualTo("554 Restart offset beyond the end of the file.\r\n");
            // the marker was consumed by the failed transfer: a plain RETR sends the whole file
            assertThat(new String(attacker.retrieve(Security.PROBE), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Security.PROBE_CONTENT);
            Security.bystanderIsServed(server);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 959 §4.1.3: RNTO must immediately follow a successful RNFR (503 otherwise); RNFR of nothing is 550
    @Test
    void renameOutOfSequenceIsRefused() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.connect(server.port())) {
            assertThat(attacker.reply("PASS x")).isEqualTo("503 Login with USER first.\r\n");
            attacker.expect(331, "USER " + RawFtp.USER);
            attacker.expect(230, "PASS " + RawFtp.PASSWORD);
            assertThat(attacker.reply("RNTO b")).startsWith("503 ");
            attacker.expect(350, "RNFR " + Security.PROBE);
            attacker.expect(200, "NOOP");
            assertThat(attacker.reply("RNTO b")).startsWith("503 ");
            attacker.expect(350, "RNFR " + Security.PROBE);
            attacker.expect(257, "MKD d");
            assertThat(attacker.reply("RNTO b")).startsWith("503 ");
            assertThat(attacker.reply("RNFR missing")).isEqualTo("550 No such file or directory.\r\n");
            assertThat(attacker.reply("RNTO b")).startsWith("503 ");
            assertThat(attacker.reply("RMD d")).startsWith("250 ");
            Security.bystanderIsServed(server);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 959 §4.1.3: STOR onto a directory, RMD of a non-empty directory and DELE of a directory are 550
    @Test
    void fileCommandsOnTheWrongKindOfEntryAreRefused() throws Exception {
        Files.createDirectories(root.resolve("full/sub"));
        Files.writeString(root.resolve("full/sub/keep.txt"), "keep");
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            // RFC 959 §5.4 gives STOR and APPE 553 (file name not allowed), not 550
            assertThat(attacker.sendWithPassive("STOR full").encode()).isEqualTo("553 Is a directory.\r\n");
            assertThat(attacker.sendWithPassive("APPE full").encode()).isEqualTo("553 Is a directory.\r\n");
            assertThat(attacker.reply("RMD full")).isEqualTo("550 Directory not empty.\r\n");
            assertThat(attacker.reply("RMD full/sub")).isEqualTo("550 Directory not empty.\r\n");
            assertThat(attacker.reply("DELE full")).startsWith("550 ");
            assertThat(attacker.reply("RMD " + Security.PROBE)).startsWith("550 ");
            assertThat(attacker.reply("DELE missing")).isEqualTo("550 No such file or directory.\r\n");
            assertThat(attacker.reply("MKD full")).isEqualTo("550 File exists.\r\n");
            assertThat(attacker.reply("RMD /")).startsWith("550 ");
            assertThat(attacker.reply("DELE /")).startsWith("550 ");
            assertThat(attacker.sendWithPassive("RETR full").encode()).startsWith("550 ");
            assertThat(attacker.sendWithPassive("RETR " + Security.PROBE + "/x").encode()).startsWith("550 ");
            Security.bystanderIsServed(server);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
