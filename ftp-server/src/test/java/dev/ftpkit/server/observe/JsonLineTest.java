package dev.ftpkit.server.observe;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineTest {

    @Test
    void stringsAndNumbersMakeOneObject() {
        assertThat(new JsonLine().add("event", "login").add("bytes", 42).toString())
                .isEqualTo("{\"event\":\"login\",\"bytes\":42}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertThat(new JsonLine().add("path", "a\"b\\c\r\nd\u0001\u2028").toString())
                .isEqualTo("{\"path\":\"a\\\"b\\\\c\\r\\nd\\u0001\\u2028\"}");
    }

    @Property
    void anyValueStaysOnOneLineAndReadsBack(@ForAll String value) {
        String line = new JsonLine().add("v", value).toString();
        assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u2029");
        assertThat(line.chars().noneMatch(c -> c < 0x20)).isTrue();
        assertThat(readString(line.substring("{\"v\":".length(), line.length() - 1))).isEqualTo(value);
    }

    /** A JSON string literal's value (RFC 8259 §7), strictly: nothing may follow the closing quote. */
    private static String readString(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            assertThat(c).isNotEqualTo('"');
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
