package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testsupport.FreePorts;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client subcommands run in-process against a real vsftpd; exit codes and files checked. */
class ClientCliTest {

    // For the --encoding tests: names as bytes.
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
        return run(stdin, false, args);
    }

    private int run(byte[] stdin, boolean errIsTerminal, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), errIsTerminal);
        return Main.run(List.of(args), io);
    }

    private int run(String... args) {
        return run(new byte[0], args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void getDownloadsToTheGivenFileAndToStdout() throws Exception {
        byte[] content = randomBytes(200_000);
        Files.write(vsftpd.root().resolve("data.bin"), content);
        Path local = dir.resolve("copy.bin");

        assertThat(run("get", vsftpd.url("data.bin"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(content);

        assertThat(run("get", "--quiet", vsftpd.url("data.bin"), "-")).isEqualTo(ExitCode.OK);
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void getResumesAPartialFileInActiveMode() throws Exception {
        byte[] content = randomBytes(300_000);
        Files.write(vsftpd.root().resolve("r.bin"), content);
        Path local = Files.write(dir.resolve("r.bin"), java.util.Arrays.copyOf(content, 1000));

        int code = run("get", "--resume", "--active", "-v", vsftpd.url("r.bin"), local.toString());

        assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThat(stderr()).contains("> REST 1000", "> PORT ", "< 226").contains("> PASS ****");
    }

    @Test
    void getOfAMissingFileExitsOneAndShowsTheReply() {
        Path local = dir.resolve("never.bin");

        assertThat(run("get", vsftpd.url("missing.bin"), local.toString())).isEqualTo(ExitCode.REFUSED);

        assertThat(stderr()).contains("550");
        assertThat(local).doesNotExist();
    }

    @Test
    void getIntoAMissingLocalDirectoryExitsFour() {
        assertThat(run("get", vsftpd.url("upload"), dir.resolve("x").toString())).isEqualTo(ExitCode.REFUSED);
        try {
            Files.writeString(vsftpd.root().resolve("f.txt"), "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(run("get", vsftpd.url("f.txt"), dir.resolve("no/such/dir/f.txt").toString()))
                .isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(stderr()).contains(dir.resolve("no/such/dir/f.txt") + ": no such file or directory")
                .contains("its directory " + dir.resolve("no/such/dir") + " does not exist").doesNotContain("java.");
    }

    @Test
    void putUploadsIntoADirectoryAppendsAndReadsStdin() throws Exception {
        byte[] content = randomBytes(150_000);
        Path local = Files.write(dir.resolve("up.bin"), content);

        assertThat(run("put", "--no-epsv", local.toString(), vsftpd.url("upload/"))).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(content);

        assertThat(run("put", "--append", local.toString(), vsftpd.url("upload/up.bin"))).isEqualTo(ExitCode.OK);
        assertThat(Files.size(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(2L * content.length);

        assertThat(run("hello".getBytes(StandardCharsets.US_ASCII), "put", "-", vsftpd.url("upload/stdin.txt")))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(vsftpd.uploadDir().resolve("stdin.txt"))).isEqualTo("hello");
    }

    @Test
    void putResumesAndConvertsAscii() throws Exception {
        Path text = Files.writeString(dir.resolve("t.txt"), "a\nb\n");
        assertThat(run("put", "--ascii", text.toString(), vsftpd.url("upload/t.txt"))).isEqualTo(ExitCode.OK);
        // vsftpd stores what it received (ASCII conversion is off on its side by default): CRLF on the wire.
        assertThat(Files.readString(vsftpd.uploadDir().resolve("t.txt"))).isEqualTo("a\r\nb\r\n");

        byte[] content = randomBytes(100_000);
        Path part = Files.write(dir.resolve("part.bin"), java.util.Arrays.copyOf(content, 40_000));
        assertThat(run("put", part.toString(), vsftpd.url("upload/half.bin"))).isEqualTo(ExitCode.OK);
        Path full = Files.write(dir.resolve("half.bin"), content);
        assertThat(run("put", "--resume", "-v", full.toString(), vsftpd.url("upload/half.bin"))).isEqualTo(ExitCode.OK);
        assertThat(stderr()).contains("> REST 40000");
        assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("half.bin"))).isEqualTo(content);
    }

    @Test
    void putOfAMissingLocalFileExitsFour() {
        assertThat(run("put", dir.resolve("absent.bin").toString(), vsftpd.url("upload/"))).isEqualTo(ExitCode.LOCAL_FILE);
    }

    @Test
    void lsPrintsNamesAndTheLongFormat() throws Exception {
        Files.write(vsftpd.root().resolve("one.txt"), new byte[77]);
        Files.createDirectory(vsftpd.root().resolve("dir"));

        assertThat(run("ls", vsftpd.url(""))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).contains("one.txt", "dir", "upload");

        assertThat(run("ls", "--long", vsftpd.url("/"))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).anySatisfy(line -> assertThat(line).startsWith("file").contains(" 77 ").endsWith("one.txt"));
        assertThat(stdout().lines()).anySatisfy(line -> assertThat(line).startsWith("directory").endsWith("dir"));
    }

    @Test
    void mkdirMvRmAndRmdirChangeTheServer() throws Exception {
        Path upload = vsftpd.uploadDir();

        assertThat(run("mkdir", vsftpd.url("upload/d"))).isEqualTo(ExitCode.OK);
        assertThat(upload.resolve("d")).isDirectory();
        Files.writeString(upload.resolve("d/a.txt"), "a");

        assertThat(run("mv", vsftpd.url("upload/d/a.txt"), "b.txt")).isEqualTo(ExitCode.OK);
        assertThat(upload.resolve("d/b.txt")).hasContent("a");

        assertThat(run("rm", vsftpd.url("upload/d/b.txt"))).isEqualTo(ExitCode.OK);
        assertThat(upload.resolve("d/b.txt")).doesNotExist();

        assertThat(run("rmdir", vsftpd.url("upload/d/"))).isEqualTo(ExitCode.OK);
        assertThat(upload.resolve("d")).doesNotExist();

        assertThat(run("rmdir", vsftpd.url("upload/d"))).isEqualTo(ExitCode.REFUSED);
        assertThat(run("rm", vsftpd.url("upload/nothing"))).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void wrongCredentialsExitOne() {
        assertThat(run("ls", "--user", "nobody:secret", vsftpd.url(""))).isEqualTo(ExitCode.REFUSED);
        assertThat(stderr()).contains("530");
    }

    @Test
    void badCommandLinesExitTwo() {
        assertThat(run("get")).isEqualTo(ExitCode.USAGE);
        assertThat(run("get", "http://example.com/x")).isEqualTo(ExitCode.USAGE);
        assertThat(run("get", "--frobnicate", vsftpd.url("x"))).isEqualTo(ExitCode.USAGE);
        assertThat(run("ls", "--append", vsftpd.url(""))).isEqualTo(ExitCode.USAGE);
        assertThat(run("get", "--timeout", "zero", vsftpd.url("x"))).isEqualTo(ExitCode.USAGE);
        assertThat(run("mv", vsftpd.url("a"))).isEqualTo(ExitCode.USAGE);
        assertThat(run("rm", vsftpd.url("bad%0D%0ADELE%20x"))).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("usage: ftpkit");
    }

    @Test
    void unreachableServerExitsThree() {
        int closedPort = FreePorts.pick();

        assertThat(run("ls", "--timeout", "2", "ftp://127.0.0.1:" + closedPort + "/")).isEqualTo(ExitCode.NETWORK);
        assertThat(stderr()).contains("cannot connect to 127.0.0.1:" + closedPort + ": connection refused")
                .doesNotContain("java.");
    }

    @Test
    void aRepeatedSingleValuedOptionIsAUsageError() {
        assertThat(run("ls", "--timeout", "5", "--timeout", "6", vsftpd.url(""))).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--timeout is given twice");
    }

    @Test
    void asAProcessGetWritesTheRemoteBaseNameIntoTheWorkingDirectory() throws Exception {
        Files.writeString(vsftpd.root().resolve("named.txt"), "by name");
        Path work = Files.createDirectory(dir.resolve("work"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.ftpkit.examples.Main", "get", vsftpd.url("named.txt"))
                .directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCode.OK);
        assertThat(work.resolve("named.txt")).hasContent("by name");
    }

    @Test
    void progressBarIsDrawnOnlyOnATerminalAndNotWhenQuiet() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024);
        Files.write(vsftpd.root().resolve("p.bin"), content);
        Path local = dir.resolve("p.bin");

        assertThat(run(new byte[0], true, "get", vsftpd.url("p.bin"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(stderr()).contains("\r[####################] 100% 3.0 MiB / 3.0 MiB");

        assertThat(run(new byte[0], true, "get", "--quiet", vsftpd.url("p.bin"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(stderr()).isEmpty();

        assertThat(run(new byte[0], false, "get", vsftpd.url("p.bin"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(stderr()).isEmpty();
        assertThat(Files.readAllBytes(local)).isEqualTo(content);
    }

    // ---------------------------------------------------------------- --encoding, percent escapes as bytes

    @Test
    void lsAndGetWithGbkShowAndFetchNamesByTheirUnicodeText() throws Exception {
        RawNames.create(vsftpd.root(), "中文报告.txt".getBytes(GBK), CONTENT);
        Path local = dir.resolve("copy.txt");

        assertThat(run("ls", "--encoding", "GBK", vsftpd.url(""))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).contains("中文报告.txt");

        int code = run("get", "--encoding", "GBK", vsftpd.url("中文报告.txt"), local.toString());
        assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(CONTENT);
    }

    @Test
    void lsShowsBytesThatAreNotUtf8AsHexAndGetOfThePercentUrlFetchesThem() throws Exception {
        RawNames.create(vsftpd.root(), LATIN1_NAME, CONTENT);
        Path local = dir.resolve("copy.txt");

        assertThat(run("ls", vsftpd.url(""))).isEqualTo(ExitCode.OK);
        assertThat(stdout().lines()).contains("lat\\xE9.txt");

        assertThat(run("get", vsftpd.url("lat%E9.txt"), local.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(CONTENT);
    }

    @Test
    void putToAPercentUrlCreatesThatByteName() throws Exception {
        int code = run(CONTENT, "put", "-", vsftpd.url("upload/lat%E9.txt"));

        assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
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
        assertThat(run("ls", "--encoding", "no-such-charset", vsftpd.url(""))).isEqualTo(ExitCode.USAGE);
    }
}
