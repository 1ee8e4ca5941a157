package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlsxEntryTest {

    @Test
    void rfc3659MlsdExampleLineIsParsed() throws Exception {
        // RFC 3659 §7.7.3
        MlsxEntry e = MlsxEntry.parse("Type=file;Size=25730;Modify=19940728095854;Perm=; capmux.tar.z");

        assertThat(e.name()).isEqualTo("capmux.tar.z");
        assertThat(e.isFile()).isTrue();
        assertThat(e.size()).hasValue(25730);
        assertThat(e.modified()).contains(Instant.parse("1994-07-28T09:58:54Z"));
        assertThat(e.fact("perm")).contains("");
        assertThat(e.facts()).containsOnlyKeys("type", "size", "modify", "perm");
    }

    @Test
    void rfc3659MlstReplyLineWithLeadingSpaceIsParsed() throws Exception {
        // RFC 3659 §7.7 (MLST example):
        // "250- Listing tmp" / " Type=dir;Modify=19981107085215;Perm=el; /tmp" / "250 End"
        MlsxEntry e = MlsxEntry.parse(" Type=dir;Modify=19981107085215;Perm=el; /tmp");

        assertThat(e.name()).isEqualTo("/tmp");
        assertThat(e.isDirectory()).isTrue();
        assertThat(e.fact("PERM")).contains("el");
    }

    @Test
    void currentAndParentDirectoriesAreDirectories() throws Exception {
        assertThat(MlsxEntry.parse("Type=cdir;Modify=19981107085215;Perm=el; tmp").isDirectory()).isTrue();
        assertThat(MlsxEntry.parse("Type=pdir;Modify=19990112030508;Perm=el; ..").isDirectory()).isTrue();
    }

    @Test
    void osSpecificTypeValueMayContainEquals() throws Exception {
        MlsxEntry e = MlsxEntry.parse("Type=OS.unix=slink:/foo;Perm=; link");

        assertThat(e.type()).contains("OS.unix=slink:/foo");
        assertThat(e.isFile()).isFalse();
        assertThat(e.isDirectory()).isFalse();
    }

    @Test
    void nameMayContainSemicolonsEqualsAndSpaces() throws Exception {
        MlsxEntry e = MlsxEntry.parse("type=file;size=1; a;b=c  d ");

        assertThat(e.name()).isEqualTo("a;b=c  d ");
        assertThat(e.encode()).isEqualTo("type=file;size=1; a;b=c  d ");
    }

    @Test
    void factNamesAreLowerCasedAndUnknownFactsKeptInOrder() throws Exception {
        MlsxEntry e = MlsxEntry.parse("UNIX.mode=0644;Type=file;X.custom=42;UNIQUE=keVO1+8G4; f");

        assertThat(List.copyOf(e.facts().keySet())).containsExactly("unix.mode", "type", "x.custom", "unique");
        assertThat(e.fact("Unix.Mode")).contains("0644");
        assertThat(e.encode()).isEqualTo("unix.mode=0644;type=file;x.custom=42;unique=keVO1+8G4; f");
    }

    @Test
    void entryWithoutFactsIsSpaceThenName() throws Exception {
        MlsxEntry e = MlsxEntry.parse(" file name");

        assertThat(e.facts()).isEmpty();
        assertThat(e.name()).isEqualTo("file name");
        assertThat(e.encode()).isEqualTo(" file name");
    }

    @Test
    void missingFinalSemicolonIsTolerated() throws Exception {
        assertThat(MlsxEntry.parse("type=file;size=3 x").size()).hasValue(3);
    }

    @Test
    void trailingCarriageReturnIsIgnored() throws Exception {
        assertThat(MlsxEntry.parse("type=dir; d\r").name()).isEqualTo("d");
    }

    @Test
    void badSizeOrTimeGivesEmptyHelpersNotAnException() throws Exception {
        MlsxEntry e = MlsxEntry.parse("size=-1;modify=20261332000000; f");

        assertThat(e.size()).isEmpty();
        assertThat(e.modified()).isEmpty();
        assertThat(e.type()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "noSpaceAtAll", "type=file;", "type=file; ", "novalue; f", "=x; f",
        "type=file;;size=1; f", "type=a;TYPE=b; f", "type=file; a\nb", "type=file; a\rb", "size=1\0; f"})
    void malformedLinesAreRejected(String line) {
        assertThatThrownBy(() -> MlsxEntry.parse(line)).isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void encoderRefusesLineBreaksInNameAndFacts() {
        assertThatThrownBy(() -> new MlsxEntry(Map.of(), "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlsxEntry(Map.of("type", "fi\nle"), "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlsxEntry(Map.of("ty\rpe", "file"), "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRefusesFactsThatWouldNotParseBack() {
        assertThatThrownBy(() -> new MlsxEntry(Map.of("type", "a;b"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlsxEntry(Map.of("type", "a b"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlsxEntry(Map.of("a=b", "c"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> clash = new LinkedHashMap<>();
        clash.put("Size", "1");
        clash.put("size", "2");
        assertThatThrownBy(() -> new MlsxEntry(clash, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlsxEntry(Map.of(), "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderWritesStandardFacts() {
        MlsxEntry e = MlsxEntry.builder("notes.txt").type("file").size(1024)
                .modified(Instant.parse("2026-11-24T12:00:00Z")).perm("adfrw").fact("UNIX.mode", "0644").build();

        assertThat(e.encode())
                .isEqualTo("type=file;size=1024;modify=20261124120000;perm=adfrw;unix.mode=0644; notes.txt");
    }

    @Test
    void factsAreUnmodifiable() throws Exception {
        MlsxEntry e = MlsxEntry.parse("type=file; f");

        assertThatThrownBy(() -> e.facts().put("size", "1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
