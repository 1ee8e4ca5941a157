package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testsupport.RawNames;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --encoding} and percent escapes as bytes, against vsftpd (whose names are the bytes the client sends). */
class ClientCliEncodingTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final byte[] LATIN1_NAME = "lat\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT = "content\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Vsftpd vsftpd;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void startServer() {
        vsftpd = Vsftpd.builder(dir.resolve("server")).start();
    }

    @AfterEach
    void stopServer() {
        vsftpd.close();
    }

    private int run(byte[] stdin, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Main.run(List.of(args), io);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lsAndGetWithGbkShowAndFetchNamesByTheirUnicodeText() throws Exception {
        RawNames.create(vsftpd.root(), "中文报告.txt".getBytes(GBK), CONTENT);
        Path local = dir.resolve("copy.txt");

        assertThat(run(new byte[0], "ls", "--encoding", "GBK", vsftpd.url(""))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).contains("中文报告.txt");

        int code = run(new byte[0], "get", "--encoding", "GBK", vsftpd.url("中文报告.txt"), local.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(CONTENT);
    }

    @Test
    void lsShowsBytesThatAreNotUtf8AsHexAndGetOfThePercentUrlFetchesThem() throws Exception {
        RawNames.create(vsftpd.root(), LATIN1_NAME, CONTENT);
        Path local = dir.resolve("copy.txt");

        assertThat(run(new byte[0], "ls", vsftpd.url(""))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).contains("lat\\xE9.txt");

        assertThat(run(new byte[0], "get", vsftpd.url("lat%E9.txt"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(CONTENT);
    }

    @Test
    void putToAPercentUrlCreatesThatByteName() throws Exception {
        int code = run(CONTENT, "put", "-", vsftpd.url("upload/lat%E9.txt"));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(RawNames.listHex(vsftpd.uploadDir())).containsExactly(HexFormat.of().formatHex(LATIN1_NAME));
        assertThat(RawNames.read(vsftpd.uploadDir(), LATIN1_NAME)).isEqualTo(CONTENT);
    }

    @Test
    void latin1EncodingNamesTheSameByteByItsCharacter() throws Exception {
        int code = run(CONTENT, "put", "--encoding", "ISO-8859-1", "-", vsftpd.url("upload/lat\u00e9.txt"));

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(RawNames.listHex(vsftpd.uploadDir())).containsExactly(HexFormat.of().formatHex(LATIN1_NAME));
    }

    @Test
    void anUnknownEncodingIsAUsageError() {
        assertThat(run(new byte[0], "ls", "--encoding", "no-such-charset", vsftpd.url(""))).isEqualTo(ExitCode.USAGE);
    }
}
