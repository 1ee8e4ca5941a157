package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glob expansion as a denial of service: {@code LIST {a,b}{c,d}...} and {@code a*a*a*...b} patterns that blow up
 * glob(3) (CVE-2011-0762 vsftpd, CVE-2010-2632 class). Item 16.
 */
class GlobbingTest extends SecurityFixture {

    // CVE-2011-0762: only * and ? in the last segment, matched in O(n*m); braces and brackets are literal
    @Test
    void explosiveGlobPatternsAreAnsweredQuicklyWithoutExpansion() throws Exception {
        Security.server(root);
        for (int i = 0; i < 300; i++) {
            Files.writeString(root.resolve("a".repeat(100) + i), "x");
        }
        Files.writeString(root.resolve("ac"), "x");
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        List<String> patterns = List.of(
                "{a,b}{c,d}".repeat(200),
                "{" + "{a,b},".repeat(300) + "}",
                "a*".repeat(500) + "b",
                "*?".repeat(400) + "z",
                "[a-z]*".repeat(100),
                "*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*/*",
                "../*",
                "-la " + "*".repeat(2000));
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (String pattern : patterns) {
                for (String verb : List.of("LIST", "NLST")) {
                    long started = System.nanoTime();
                    String reply;
                    String data = "";
                    try (java.net.Socket socket = attacker.passive()) {
                        reply = attacker.send(verb + " " + pattern).encode();
                        if (reply.startsWith("150")) {
                            data = new String(socket.getInputStream().readAllBytes(),
                                    java.nio.charset.StandardCharsets.UTF_8);
                            reply = attacker.read().encode();
                        }
                    }
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(reply).as(verb + " " + pattern).matches("(226|450|550) [^\r\n]*\r\n");
                    assertThat(millis).as(verb + " " + pattern).isLessThan(2_000);
                    assertThat(data.split("\r\n").length).isLessThanOrEqualTo(302);
                }
            }
            assertThat(attacker.list("NLST a*c")).isEqualTo("ac\r\n");
            // braces are literal: no file is named "{a,b}c"
            assertThat(attacker.sendWithPassive("NLST {a,b}c").encode()).startsWith("450 "); // RFC 959 §5.4
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
