package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed command bytes: NUL, bare CR, invalid UTF-8, Telnet IAC sequences (RFC 959 §4.1.3, RFC 854 Telnet,
 * RFC 2640 §3.1 CR NUL, RFC 3629 UTF-8). Item 11.
 */
class MalformedCommandTest extends SecurityFixture {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] line(String prefix, byte[] middle, String suffix) {
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] s = (suffix + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[p.length + middle.length + s.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(middle, 0, all, p.length, middle.length);
        System.arraycopy(s, 0, all, p.length + middle.length, s.length);
        return all;
    }

    // each hostile line gets one well-formed 5xx reply; the session and the server go on
    @Test
    void nulBareCrInvalidUtf8AndTelnetSequencesGet5xxAndNeverACrash() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        Map<String, byte[]> attacks = new LinkedHashMap<>();
        attacks.put("NUL in the argument", line("MKD a", bytes(0), "b"));
        attacks.put("NUL in the verb", line("NO", bytes(0), "OP"));
        attacks.put("bare CR in the argument", line("MKD a", bytes('\r'), "b"));
        attacks.put("CR NUL (RFC 2640)", line("MKD a", bytes('\r', 0), "b"));
        attacks.put("invalid UTF-8", line("MKD ", bytes(0xC3, 0x28), ""));
        attacks.put("overlong UTF-8 slash", line("CWD ", bytes(0xC0, 0xAF), "etc"));
        attacks.put("lone surrogate", line("MKD ", bytes(0xED, 0xA0, 0x80), ""));
        attacks.put("escaped IAC IAC (a lone 0xFF byte, not UTF-8)", line("MKD a", bytes(0xFF, 0xFF), "b"));
        attacks.put("IAC WILL garbage", line("MKD ", bytes(0xFF, 0xFB), "x"));
        attacks.put("IAC SB never ended", line("MKD ", bytes(0xFF, 0xFA, 1, 2, 3), "y"));
        attacks.put("only spaces", line("   ", new byte[0], ""));
        attacks.put("empty line", line("", new byte[0], ""));
        attacks.put("verb of digits", line("123 456", new byte[0], ""));
        attacks.put("verb too long", line("A".repeat(100), new byte[0], ""));
        attacks.put("high bytes in the verb", line("NO", bytes(0xE9), "P"));
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (Map.Entry<String, byte[]> attack : attacks.entrySet()) {
                attacker.sendRaw(attack.getValue());
                String reply = attacker.read().encode();
                assertThat(reply).as(attack.getKey()).matches("5\\d\\d [^\r\n]*\r\n");
                assertThat(attacker.reply("NOOP")).as("after " + attack.getKey()).startsWith("200 ");
            }
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 854: IAC IP IAC DM before ABOR (Telnet "interrupt process" + "synch") is stripped, not an error
    @Test
    void telnetInterruptBeforeAborIsUnderstood() throws Exception {
        server = Security.server(root).build().start();
        try (RawFtp client = RawFtp.login(server.port())) {
            client.sendRaw(line("", bytes(0xFF, 0xF4, 0xFF, 0xF2), "ABOR"));
            assertThat(client.read().codeValue()).isEqualTo(225);
            assertThat(client.reply("NOOP")).startsWith("200 ");
        }
    }
}
