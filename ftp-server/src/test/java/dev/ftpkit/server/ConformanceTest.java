package dev.ftpkit.server;

import dev.ftpkit.core.AsciiConversion;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply codes where the RFC is explicit or where the reference servers agree (issue #12 item 9). Each sequence runs
 * against ftpkit and, where vsftpd 3.0.3 agrees, against vsftpd too, and the codes are compared.
 */
class ConformanceTest {

    /** Text with LF line ends, as stored; RETR in TYPE A sends it with CRLF. */
    private static final String TEXT = "one\ntwo\nthree\n";

    @TempDir
    Path root;
    @TempDir
    Path vsftpdWork;

    /** The same tree on both servers, under /upload (vsftpd's anonymous root is read-only). */
    private static void layout(Path root) throws IOException {
        Files.createDirectories(root.resolve("upload/pub/sub"));
        Files.writeString(root.resolve("upload/file.txt"), TEXT);
    }

    private static final List<String> NAVIGATION = List.of(
            "CWD ..", "PWD", "CDUP", "PWD", "CWD /upload/pub/sub", "CWD ../../../..", "PWD", "MDTM /upload/pub",
            "FROB");

    @Test
    void navigationAndUnknownVerbAnswerAsRfcAndVsftpdDo() throws Exception {
        layout(root);
        List<String> ftpkit;
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            ftpkit = replies(ftp, NAVIGATION);
        }
        // RFC 959 §4.2: 500 is "command unrecognized", 502 "not implemented" (a known verb)
        assertThat(ftpkit).containsExactly("250", "257 \"/\"", "250", "257 \"/\"", "250", "250", "257 \"/\"", "550",
                "500");
        try (Vsftpd vsftpd = Vsftpd.builder(vsftpdWork).start()) {
            layout(vsftpd.root());
            try (RawFtp ftp = RawFtp.connect(vsftpd.port())) {
                ftp.expect(331, "USER anonymous");
                ftp.expect(230, "PASS test@");
                assertThat(replies(ftp, NAVIGATION)).isEqualTo(ftpkit);
            }
        }
    }

    @Test
    void knownButUnregisteredVerbIs502() throws Exception {
        CommandRegistry commands = CommandRegistry.standard();
        try (FtpServer server = TestServers.builder(root).commands(commands.remove("MDTM")).build().start();
             RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("MDTM x").codeValue()).isEqualTo(502);
            assertThat(ftp.send("SMNT /").codeValue()).isEqualTo(502);
            assertThat(ftp.send("XYZZY").codeValue()).isEqualTo(500);
        }
    }

    @Test
    void storOntoADirectoryIs553AsRfcAndVsftpdSay() throws Exception {
        layout(root);
        int ftpkit;
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            ftpkit = ftp.sendWithPassive("STOR /upload/pub").codeValue();
        }
        assertThat(ftpkit).isEqualTo(553); // RFC 959 §5.4: STOR has 553, not 550
        try (Vsftpd vsftpd = Vsftpd.builder(vsftpdWork).start()) {
            layout(vsftpd.root());
            try (RawFtp ftp = RawFtp.connect(vsftpd.port())) {
                ftp.expect(331, "USER anonymous");
                ftp.expect(230, "PASS test@");
                assertThat(ftp.sendWithPassive("STOR /upload/pub").codeValue()).isEqualTo(ftpkit);
            }
        }
    }

    // RFC 959 §5.4: LIST and NLST have 450 and 550 is not theirs; STAT has 211, 212, 213 and 450
    @Test
    void listNlstAndStatOfAMissingPathAre450() throws Exception {
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.sendWithPassive("LIST /nosuchdir").codeValue()).isEqualTo(450);
            assertThat(ftp.sendWithPassive("NLST /nosuchdir").codeValue()).isEqualTo(450);
            assertThat(ftp.send("STAT nosuchfile").codeValue()).isEqualTo(450);
            assertThat(ftp.reply("NOOP")).startsWith("200 ");
        }
    }

    // RFC 959 §5.1 and §3.1.1.1: without TYPE the type is ASCII Non-print, so RETR sends CRLF line ends
    @Test
    void retrWithoutTypeIsAscii() throws Exception {
        Files.writeString(root.resolve("file.txt"), TEXT);
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER " + RawFtp.USER);
            ftp.expect(230, "PASS " + RawFtp.PASSWORD);
            assertThat(new String(ftp.retrieve("file.txt"), StandardCharsets.US_ASCII))
                    .isEqualTo("one\r\ntwo\r\nthree\r\n");
            ftp.expect(200, "TYPE I");
            assertThat(new String(ftp.retrieve("file.txt"), StandardCharsets.US_ASCII)).isEqualTo(TEXT);
            ftp.expect(220, "REIN");
            ftp.expect(331, "USER " + RawFtp.USER);
            ftp.expect(230, "PASS " + RawFtp.PASSWORD);
            assertThat(ftp.retrieve("file.txt")).as("REIN brings back ASCII").hasSize(TEXT.length() + 3);
        }
    }

    // RFC 3659 §4: SIZE is the number of bytes RETR would send in the current TYPE
    @Test
    void sizeInTypeAIsWhatRetrSends() throws Exception {
        Files.writeString(root.resolve("file.txt"), TEXT + "lone\rcr, crlf kept\r\n");
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE A");
            long size = Long.parseLong(ftp.send("SIZE file.txt").text().strip());
            assertThat(ftp.retrieve("file.txt")).hasSize((int) size);
            ftp.expect(200, "TYPE I");
            assertThat(ftp.send("SIZE file.txt").text().strip()).isEqualTo(Long.toString(Files.size(root.resolve("file.txt"))));
        }
    }

    @Test
    void sizeInTypeAOfAFileOverTheCapIs550() throws Exception {
        try (var file = java.nio.channels.FileChannel.open(root.resolve("big.bin"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(0);
            file.position(65L * 1024 * 1024).write(java.nio.ByteBuffer.wrap(new byte[] {1})); // sparse
        }
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE A");
            assertThat(ftp.send("SIZE big.bin").codeValue()).isEqualTo(550);
            ftp.expect(200, "TYPE I");
            assertThat(ftp.send("SIZE big.bin").codeValue()).isEqualTo(213);
        }
    }

    @Test
    void asciiUploadIsStoredWithLocalLineEnds() throws Exception {
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE A");
            ftp.store("up.txt", AsciiConversion.toNetwork().convertAll(TEXT.getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(Files.readString(root.resolve("up.txt"))).isEqualTo(TEXT);
    }

    // RFC 3659 §7.9: facts not selected MUST NOT be returned; OPTS MLST without facts selects none
    @Test
    void optsMlstSelectsTheFactsMlstAndMlsdSend() throws Exception {
        Files.writeString(root.resolve("file.txt"), TEXT);
        try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.reply("OPTS MLST type;SIZE;nosuchfact;")).isEqualTo("200 MLST OPTS type;size;\r\n");
            assertThat(ftp.send("MLST file.txt").lines()).contains(" type=file;size=" + TEXT.length() + "; /file.txt");
            assertThat(ftp.list("MLSD")).isEqualTo("type=file;size=" + TEXT.length() + "; file.txt\r\n");
            assertThat(ftp.send("FEAT").lines()).contains(" MLST type*;size*;modify;perm;unique;");
            assertThat(ftp.reply("OPTS MLST")).isEqualTo("200 MLST OPTS\r\n");
            // RFC 3659 §7.2: entry = [facts] SP pathname, and MLST's entry line starts with one more space
            assertThat(ftp.send("MLST file.txt").lines()).contains("  /file.txt");
            assertThat(ftp.list("MLSD")).isEqualTo(" file.txt\r\n");
            assertThat(ftp.send("FEAT").lines()).contains(" MLST type;size;modify;perm;unique;");
            ftp.expect(220, "REIN");
            ftp.expect(331, "USER " + RawFtp.USER);
            ftp.expect(230, "PASS " + RawFtp.PASSWORD);
            assertThat(ftp.send("FEAT").lines()).as("REIN selects every fact again")
                    .contains(" MLST type*;size*;modify*;perm*;unique*;");
        }
    }

    /** Sends each command; a reply is its code, and for 257 its quoted path. */
    private static List<String> replies(RawFtp ftp, List<String> commands) throws IOException {
        List<String> codes = new ArrayList<>();
        for (String command : commands) {
            var reply = ftp.send(command);
            String code = Integer.toString(reply.codeValue());
            if (reply.codeValue() == 257 && command.equals("PWD")) {
                code += " " + reply.text().substring(0, reply.text().indexOf('"', 1) + 1);
            }
            codes.add(code);
        }
        return codes;
    }
}
