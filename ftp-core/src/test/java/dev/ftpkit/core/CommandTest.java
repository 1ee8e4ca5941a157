package dev.ftpkit.core;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void encodesVerbAndArgumentWithCrlf() {
        assertThat(Command.of("retr", "a.txt").encode()).isEqualTo("RETR a.txt\r\n");
        assertThat(Command.of("PASV").encode()).isEqualTo("PASV\r\n");
        assertThat(Command.of("PASV").hasArgument()).isFalse();
    }

    @Test
    void encoderRefusesCrLfAndNul() {
        for (String bad : new String[] {"a\r\nDELE b", "a\rb", "a\nb", "a\0b"}) {
            assertThatThrownBy(() -> Command.of("STOR", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Command.of("RE TR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("ABCDEFGHIJKLMNOPQ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringMasksThePasswordAndTheAccount() {
        assertThat(Command.of("PASS", "secret").toString()).isEqualTo("PASS ****");
        assertThat(Command.of("ACCT", "second-secret").toString()).isEqualTo("ACCT ****");
        assertThat(Command.of("USER", "anonymous").toString()).isEqualTo("USER anonymous");
    }

    @Test
    void parserUpperCasesTheVerbAndKeepsTheArgumentByteExact() throws Exception {
        Command command = CommandParser.parse("stor  my file.txt  \r");

        assertThat(command.verb()).isEqualTo("STOR");
        assertThat(command.argument()).isEqualTo(" my file.txt  ");
    }

    @Test
    void verbAloneAndVerbWithEmptyArgumentHaveNoArgument() throws Exception {
        assertThat(CommandParser.parse("PWD")).isEqualTo(Command.of("PWD"));
        assertThat(CommandParser.parse("PWD ")).isEqualTo(Command.of("PWD"));
    }

    @Test
    void malformedCommandLinesAreRefused() {
        for (String bad : new String[] {"", "\r", " USER a", "3USR a", "US-R a", "ABCDEFGHIJKLMNOPQ x", "RETR a\0b",
            "RETR a\rb", "RETR a\nb", "\tNOOP"}) {
            assertThatThrownBy(() -> CommandParser.parse(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void extensionVerbsWithDigitsAreAccepted() throws Exception {
        assertThat(CommandParser.parse("xsha256 file.bin")).isEqualTo(Command.of("XSHA256", "file.bin"));
        assertThat(Command.of("XMD5", "a").encode()).isEqualTo("XMD5 a\r\n");
    }

    @Test
    void bytesAreStrippedOfTelnetBeforeDecoding() throws Exception {
        byte[] line = {(byte) 255, (byte) 244, (byte) 255, (byte) 242, 'a', 'b', 'o', 'r'};

        assertThat(CommandParser.parse(line, UTF_8)).isEqualTo(Command.of("ABOR"));
    }

    @Test
    void utf8ArgumentsAreDecodedAndMalformedUtf8IsRefused() throws Exception {
        assertThat(CommandParser.parse("RETR ü €.txt".getBytes(UTF_8), UTF_8).argument()).isEqualTo("ü €.txt");
        byte[] latin1 = "RETR \u00fc".getBytes(ISO_8859_1);

        assertThatThrownBy(() -> CommandParser.parse(latin1, UTF_8)).isInstanceOf(FtpProtocolException.class);
        assertThat(CommandParser.parse(latin1, ISO_8859_1).argument()).isEqualTo("\u00fc");
    }
}
