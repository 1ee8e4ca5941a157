package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaving the root: dot-dot forms, encoded forms, absolute paths, deep paths, and symbolic links that lead out
 * (CVE-2010-4221 ProFTPD, CVE-2015-3306 ProFTPD mod_copy, RFC 2577 §4 "Restricting Access"). Items 13 and 14.
 */
class PathTraversalTest {

    @TempDir
    Path base;

    private Path root;
    private Path outside;
    private FtpServer server;

    @BeforeEach
    void tree() throws Exception {
        root = Files.createDirectories(base.resolve("root"));
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("pub"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // CVE-2010-4221 / CVE-2015-3306 class: no spelling of ".." reaches above the root
    @Test
    void dotDotEncodedAbsoluteAndDeepPathsStayInsideTheRoot() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> rootBefore = Security.snapshot(root);
        Map<String, String> outsideBefore = Security.snapshot(outside);
        List<String> reads = List.of("../outside/secret.txt", "../../outside/secret.txt", "/../outside/secret.txt",
                "pub/../../outside/secret.txt", "..\\outside\\secret.txt", "%2e%2e/outside/secret.txt",
                "%2e%2e%2foutside%2fsecret.txt", "..%2f..%2foutside/secret.txt", "....//outside/secret.txt",
                "/..//..//outside/secret.txt", "..;/outside/secret.txt", base.resolve("outside/secret.txt").toString(),
                "/etc/passwd", "~/../outside/secret.txt", "../".repeat(1000) + "etc/passwd",
                "a/".repeat(1500) + "x", "/./pub/./../../outside/secret.txt");
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (String path : reads) {
                assertThat(attacker.reply("SIZE " + path)).as("SIZE " + path).startsWith("550 ");
                assertThat(attacker.reply("CWD " + path)).as("CWD " + path).startsWith("550 ");
                assertThat(attacker.sendWithPassive("RETR " + path).encode()).as("RETR " + path).startsWith("550 ");
                assertThat(attacker.reply("PWD")).isEqualTo("257 \"/\" is the current directory\r\n");
            }
            for (String path : List.of("../outside/new.txt", "/../outside/new.txt", "pub/../../outside/new.txt",
                    "../".repeat(1000) + "tmp/new.txt")) {
                assertThat(attacker.sendWithPassive("STOR " + path).encode()).as("STOR " + path).startsWith("550 ");
                assertThat(attacker.sendWithPassive("APPE " + path).encode()).as("APPE " + path).startsWith("550 ");
                assertThat(attacker.reply("MKD " + path)).as("MKD " + path).startsWith("550 ");
                assertThat(attacker.reply("DELE " + path.replace("new.txt", "secret.txt"))).startsWith("550 ");
                assertThat(attacker.reply("RNFR " + Security.PROBE)).startsWith("350 ");
                assertThat(attacker.reply("RNTO " + path)).as("RNTO " + path).startsWith("550 ");
            }
            attacker.expect(250, "CWD pub");
            assertThat(attacker.reply("CDUP")).startsWith("250 ");
            assertThat(attacker.reply("CDUP")).startsWith("250 "); // at the root: stays there
            assertThat(attacker.reply("PWD")).isEqualTo("257 \"/\" is the current directory\r\n");
            assertThat(attacker.reply("SIZE /./" + Security.PROBE)).isEqualTo("213 " + Security.PROBE_CONTENT.length() + "\r\n");
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(rootBefore);
        assertThat(Security.snapshot(outside)).isEqualTo(outsideBefore);
    }

    // CVE-2015-3306 class: a link inside the root pointing outside is neither read, written, listed nor entered
    @Test
    void symbolicLinkLeadingOutOfTheRootIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("not-yet.txt"));
        server = Security.server(root).build().start();
        Map<String, String> rootBefore = Security.snapshot(root);
        Map<String, String> outsideBefore = Security.snapshot(outside);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (String path : List.of("secret.txt", "escape/secret.txt", "dangling.txt")) {
                assertThat(attacker.sendWithPassive("RETR " + path).encode()).as("RETR " + path).startsWith("550 ");
                assertThat(attacker.sendWithPassive("STOR " + path).encode()).as("STOR " + path).startsWith("550 ");
                assertThat(attacker.sendWithPassive("APPE " + path).encode()).as("APPE " + path).startsWith("550 ");
                assertThat(attacker.reply("SIZE " + path)).as("SIZE " + path).startsWith("550 ");
                assertThat(attacker.reply("MLST " + path)).as("MLST " + path).startsWith("550 ");
            }
            assertThat(attacker.sendWithPassive("STOR escape/new.txt").encode()).startsWith("550 ");
            assertThat(attacker.reply("MKD escape/newdir")).startsWith("550 ");
            assertThat(attacker.reply("CWD escape")).startsWith("550 ");
            assertThat(attacker.sendWithPassive("LIST escape").encode()).startsWith("550 ");
            assertThat(attacker.sendWithPassive("NLST escape").encode()).startsWith("550 ");
            assertThat(attacker.sendWithPassive("MLSD escape").encode()).startsWith("550 ");
            assertThat(attacker.list("LIST")).doesNotContain("secret").doesNotContain("escape");
            assertThat(attacker.list("NLST -a")).doesNotContain("secret").doesNotContain("escape");
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(rootBefore);
        assertThat(Security.snapshot(outside)).isEqualTo(outsideBefore);
    }
}
