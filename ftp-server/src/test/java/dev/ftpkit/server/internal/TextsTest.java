package dev.ftpkit.server.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void controlsAndDeleteBecomeQuestionMarks() {
        assertThat(Texts.oneLine("a\r\nb\0c\u007fd\te")).isEqualTo("a??b?c?d?e");
        assertThat(Texts.oneLine("plain name.txt")).isEqualTo("plain name.txt");
        assertThat(Texts.oneLine("\n")).isEqualTo("?");
    }

    @Property
    void appendedTextEqualsTheOneLineForm(@ForAll("names") String name, @ForAll("names") String before) {
        StringBuilder out = new StringBuilder(before);
        Texts.appendOneLine(out, name);
        assertThat(out.toString()).isEqualTo(before + Texts.oneLine(name));
    }

    @Property
    void oneLineKeepsLengthAndPrintableCharactersAndDropsEveryControl(@ForAll("names") String name) {
        String line = Texts.oneLine(name);
        assertThat(line).hasSameSizeAs(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            assertThat(line.charAt(i)).isEqualTo(c < 0x20 || c == 0x7f ? '?' : c);
        }
    }

    @Provide
    Arbitrary<String> names() {
        // mostly plain names, some with controls anywhere (first, last, several) and non-ASCII letters
        return Arbitraries.strings().withChars("ab.-_ é\u00ff\u4e2d")
                .withChars('\r', '\n', '\0', '\t', '\u007f', '\u001f').ofMaxLength(24);
    }
}
