package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply injection: file names holding CR, LF, quotes or a reply code forge a second reply when echoed (CVE-2008-4242
 * class; RFC 959 §4.2 reply format, RFC 959 Appendix II 257 quoting). Item 15.
 */
class ReplyInjectionTest extends SecurityFixture {

    // CVE-2008-4242 class: whatever the names, each command gets exactly one reply, each listing one line per entry
    @Test
    void hostileNamesOnDiskNeverForgeASecondReply() throws Exception {
        Security.server(root); // the probe file
        Files.createDirectory(root.resolve("evil\r\n226 forged"));
        Files.createDirectory(root.resolve("lf\n421 bye"));
        Files.writeString(root.resolve("cr\r550 x"), "c");
        Files.writeString(root.resolve("quote\"d"), "q");
        Files.createDirectory(root.resolve("226 fake"));
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            String list = attacker.list("LIST");
            String nlst = attacker.list("NLST");
            String mlsd = attacker.list("MLSD");
            assertThat(list.split("\r\n")).hasSize(6).allSatisfy(line -> assertThat(line).doesNotContain("\r", "\n"));
            assertThat(nlst.split("\r\n")).containsExactlyInAnyOrder("evil??226 forged", "lf?421 bye", "cr?550 x",
                    "quote\"d", "226 fake", Security.PROBE);
            // MLSD (RFC 3659 §7.2) has no escape for CR/LF: such entries are left out, never split
            assertThat(mlsd.split("\r\n")).hasSize(3).allSatisfy(line -> assertThat(line).contains(";"));
            assertThat(attacker.reply("MLST quote\"d")).startsWith("250-").contains(" /quote\"d\r\n250 ");
            assertThat(attacker.lines.get(attacker.lines.size() - 1)).startsWith("250 ");
            assertThat(attacker.reply("CWD 226 fake")).startsWith("250 ");
            assertThat(attacker.reply("PWD")).isEqualTo("257 \"/226 fake\" is the current directory\r\n");
            assertThat(attacker.reply("MKD a\"b")).isEqualTo("257 \"/226 fake/a\"\"b\" created\r\n");
            assertThat(attacker.reply("MKD 226 ok")).isEqualTo("257 \"/226 fake/226 ok\" created\r\n");
            assertThat(attacker.reply("STAT /")).startsWith("213-").doesNotContain("\r\n226 forged");
            assertThat(attacker.reply("NOOP")).startsWith("200 ");
            assertThat(attacker.silentFor(300)).isTrue();
            Security.bystanderIsServed(server);
        }
        before.put("226 fake/a\"b/", "dir");
        before.put("226 fake/226 ok/", "dir");
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
