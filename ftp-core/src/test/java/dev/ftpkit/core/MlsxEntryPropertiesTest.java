package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MlsxEntryPropertiesTest {

    @Provide
    Arbitrary<MlsxEntry> entries() {
        Arbitrary<String> factName = Arbitraries.strings().ascii().excludeChars('=', ';', ' ', '\r', '\n', '\0')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> value = Arbitraries.strings().excludeChars(';', ' ', '\r', '\n', '\0').ofMaxLength(20);
        Arbitrary<Map<String, String>> facts = Arbitraries
                .maps(factName.map(s -> s.toLowerCase(Locale.ROOT)), value).ofMaxSize(6);
        Arbitrary<String> name = Arbitraries.strings().excludeChars('\r', '\n', '\0').ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(facts, name).as(MlsxEntry::new);
    }

    @Property(tries = 1000)
    void encodeThenParseGivesTheEntryBack(@ForAll("entries") MlsxEntry entry) throws Exception {
        // An entry without facts whose name itself looks like "facts name" is ambiguous on the wire (documented).
        Assume.that(!(entry.facts().isEmpty() && entry.name().contains("; ")));

        MlsxEntry parsed = MlsxEntry.parse(entry.encode());

        assertThat(parsed).isEqualTo(entry);
        assertThat(parsed.facts().keySet()).containsExactlyElementsOf(entry.facts().keySet());
    }

    @Property(tries = 1000)
    void mlstFormWithLeadingSpaceParsesToo(@ForAll("entries") MlsxEntry entry) throws Exception {
        Assume.that(!entry.facts().isEmpty());

        assertThat(MlsxEntry.parse(" " + entry.encode())).isEqualTo(entry);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("type=file;size=12 ;\r\n\0=Ab").ofMaxLength(40));
    }

    @Property(tries = 2000)
    void arbitraryLinesGiveAnEntryOrFtpProtocolException(@ForAll("junk") String line) {
        try {
            MlsxEntry e = MlsxEntry.parse(line);
            assertThat(e.name()).isNotEmpty().doesNotContain("\r", "\n");
            e.size();
            e.modified();
            assertThat(MlsxEntry.parse(e.encode()).facts()).isEqualTo(e.facts());
        } catch (FtpProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
