package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testing.internal.memfs.MemoryFileSystem;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A root on the in-memory file system (issue #5): real peers (curl, Python's ftplib, the ftpkit client) and raw
 * commands against a home that is no directory on disk; each test checks the bytes and the tree in memory
 * afterwards. Every scenario of {@link CurlTest} also runs on a memory root ({@link CurlOnMemoryRootTest}). The home is {@code /srv/ftp}, with a file above it that must stay out of reach.
 */
class InMemoryRootTest {

    @TempDir
    Path local;

    private final FileSystem memory = MemoryFileSystem.create();
    private final Path root = memory.getPath("/srv/ftp");
    private final byte[] content = new byte[300_000];
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        new Random(5).nextBytes(content);
        Files.createDirectories(root);
        Files.writeString(memory.getPath("/srv/secret.txt"), "outside the home");
        Files.write(root.resolve("file.bin"), content);
        server = TestServers.start(root);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        memory.close();
    }

    private Processes.Result curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Peers.require("curl").toString(), "-sS", "--max-time", "20"));
        command.addAll(Arrays.asList(args));
        return Processes.run(local, Duration.ofSeconds(30), command);
    }

    /** Every name in a directory of the memory file system, hidden ones included. */
    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void curlUploadLandsInMemoryWithTheExactBytesAndNoTempFile() throws Exception {
        Files.write(local.resolve("up.bin"), content);

        Processes.Result result = curl("-T", "up.bin", TestServers.url(server, "up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        assertThat(namesIn(root)).containsExactly("file.bin", "up.bin");
    }

    @Test
    void curlUploadReplacesAnExistingFile() throws Exception {
        Files.writeString(root.resolve("up.bin"), "an older and longer version of the file");
        Files.write(local.resolve("up.bin"), "new".getBytes(UTF_8));

        Processes.Result result = curl("-T", "up.bin", TestServers.url(server, "up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(root.resolve("up.bin"))).isEqualTo("new");
    }

    // in-place STOR truncates the file; sync only forces a FileChannel, which memory channels are not
    @Test
    void inPlaceSyncedUploadsWorkOnChannelsThatAreNoFileChannels() throws Exception {
        server.close();
        server = TestServers.builder(root).atomicUploads(false).syncUploads(true).build().start();
        Files.writeString(root.resolve("up.bin"), "an older and longer version of the file");
        Files.write(local.resolve("up.bin"), content);

        Processes.Result result = curl("-T", "up.bin", TestServers.url(server, "up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
    }

    @Test
    void restartedStoreOverwritesFromTheOffsetAndRestartedRetrieveReadsFromIt() throws Exception {
        Files.writeString(root.resolve("r.txt"), "0123456789");
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE I");
            try (Socket data = ftp.passive()) {
                ftp.expect(350, "REST 4");
                ftp.expect(150, "STOR r.txt");
                data.getOutputStream().write("abcd".getBytes(UTF_8));
                data.shutdownOutput();
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }
            assertThat(Files.readString(root.resolve("r.txt"))).isEqualTo("0123abcd");
            try (Socket data = ftp.passive()) {
                ftp.expect(350, "REST 6");
                ftp.expect(150, "RETR r.txt");
                assertThat(new String(data.getInputStream().readAllBytes(), UTF_8)).isEqualTo("cd");
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }
        }
    }

    @Test
    void listingsShowNamesSizesAndTypes() throws Exception {
        Files.createDirectory(root.resolve("docs"));
        Files.writeString(root.resolve("docs/readme.txt"), "twelve bytes");
        Files.writeString(root.resolve(".hidden"), "x");
        try (RawFtp ftp = RawFtp.login(server.port())) {
            String mlsd = ftp.list("MLSD");
            String list = ftp.list("LIST");
            String nested = ftp.list("MLSD /docs");

            assertThat(mlsd.split("\r\n")).hasSize(3) // MLSD shows dot files, LIST only with -a
                    .anyMatch(line -> line.contains("type=file;size=1;") && line.endsWith(" .hidden"))
                    .anyMatch(line -> line.contains("type=dir;") && line.endsWith(" docs"))
                    .anyMatch(line -> line.contains("type=file;") && line.contains("size=300000;")
                            && line.endsWith(" file.bin"));
            assertThat(list.split("\r\n")).hasSize(2)
                    .anyMatch(line -> line.startsWith("d") && line.endsWith(" docs"))
                    .anyMatch(line -> line.startsWith("-") && line.contains(" 300000 ") && line.endsWith(" file.bin"));
            assertThat(nested).contains("size=12;").endsWith(" readme.txt\r\n");
            assertThat(ftp.list("NLST -a")).contains(".hidden");
            assertThat(ftp.reply("SIZE docs/readme.txt")).isEqualTo("213 12\r\n");
            assertThat(ftp.reply("MLST docs/readme.txt")).contains("type=file;size=12;").contains(" /docs/readme.txt");
            assertThat(ftp.reply("STAT docs")).startsWith("213-").contains(" 12 ").contains(" readme.txt");
        }
    }

    @Test
    void renameDeleteAndDirectoriesChangeTheTreeInMemory() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.reply("MKD new")).startsWith("257 \"/new\"");
            ftp.expect(350, "RNFR file.bin");
            ftp.expect(250, "RNTO /new/moved.bin");
            assertThat(Files.readAllBytes(root.resolve("new/moved.bin"))).isEqualTo(content);
            assertThat(Files.exists(root.resolve("file.bin"))).isFalse();

            assertThat(ftp.send("RMD new").codeValue()).isEqualTo(550); // not empty
            ftp.expect(250, "DELE /new/moved.bin");
            assertThat(ftp.send("DELE /new/moved.bin").codeValue()).isEqualTo(550);
            ftp.expect(250, "RMD new");
            assertThat(ftp.send("MKD new").codeValue()).isEqualTo(257);
            assertThat(ftp.send("MKD new").codeValue()).isEqualTo(550); // exists
        }
        assertThat(namesIn(root)).containsExactly("new");
        assertThat(namesIn(root.resolve("new"))).isEmpty();
    }

    @Test
    void modificationTimeIsSetAndReadBack() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(213, "MFMT 20200102030405 file.bin");

            assertThat(ftp.reply("MDTM file.bin")).isEqualTo("213 20200102030405\r\n");
        }
        assertThat(Files.getLastModifiedTime(root.resolve("file.bin")))
                .isEqualTo(FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
    }

    @Test
    void hashesAndUniqueStoresWorkOnTheBytesInMemory() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            assertThat(ftp.reply("HASH file.bin")).isEqualTo("213 SHA-256 0-300000 " + sha256 + " file.bin\r\n");

            String opening = ftp.expect(150, "STOU").text();
            data.getOutputStream().write("unique".getBytes(UTF_8));
            data.shutdownOutput();
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            String name = opening.substring(opening.indexOf("FILE: ") + 6).strip();
            assertThat(Files.readString(root.resolve(name))).isEqualTo("unique");
            // the memory file system has no POSIX permissions: the server says so instead of failing
            assertThat(ftp.send("SITE CHMOD 644 file.bin").codeValue()).isEqualTo(504);
        }
    }

    @Test
    void theHomeCannotBeLeft() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(257, "MKD sub");
            ftp.expect(250, "CWD sub");

            assertThat(ftp.sendWithPassive("RETR ../../secret.txt").codeValue()).isEqualTo(550);
            assertThat(ftp.reply("PWD")).startsWith("257 \"/sub\"");
            // CWD clamps at the home, as cd does at a Unix root (and vsftpd, proftpd, pure-ftpd)
            assertThat(ftp.send("CWD ../..").codeValue()).isEqualTo(250);
            assertThat(ftp.reply("PWD")).startsWith("257 \"/\"");
            assertThat(ftp.send("CWD /..").codeValue()).isEqualTo(250);
            assertThat(ftp.reply("PWD")).startsWith("257 \"/\"");
            ftp.expect(250, "CWD /sub");
            assertThat(ftp.list("NLST /")).isEqualTo("/file.bin\r\n/sub\r\n");
        }
        assertThat(Files.readString(memory.getPath("/srv/secret.txt"))).isEqualTo("outside the home");
    }

    // a reset data connection is not an end of file: 426, the old file stays, the temp file is gone
    @Test
    void anAbortedUploadKeepsTheOldFileAndLeavesNoTempFile() throws Exception {
        Files.writeString(root.resolve("target.txt"), "old content");
        try (RawFtp ftp = RawFtp.login(server.port())) {
            Socket data = ftp.passive();
            try {
                ftp.expect(150, "STOR target.txt");
                data.getOutputStream().write(new byte[100_000]);
                data.getOutputStream().flush();
                data.setSoLinger(true, 0); // RST, not FIN
            } finally {
                data.close();
            }

            assertThat(ftp.read().codeValue()).isEqualTo(426);
            assertThat(ftp.reply("NOOP")).startsWith("200 ");
        }
        assertThat(Files.readString(root.resolve("target.txt"))).isEqualTo("old content");
        assertThat(namesIn(root)).containsExactly("file.bin", "target.txt");
    }

    // RFC 959 §4.2: 452 insufficient storage; the upload went to a temp file, so the old file stays
    @Test
    void anUploadThatFillsTheFileSystemFailsWith452AndKeepsTheOldFile() throws Exception {
        server.close();
        try (FileSystem small = MemoryFileSystem.create(50_000)) {
            Path home = small.getPath("/home");
            Files.createDirectory(home);
            Files.writeString(home.resolve("target.txt"), "old content");
            try (FtpServer full = TestServers.start(home); RawFtp ftp = RawFtp.login(full.port());
                 Socket data = ftp.passive()) {
                ftp.expect(150, "STOR target.txt");
                writeUntilRefused(data.getOutputStream(), new byte[100_000]);
                data.shutdownOutput();

                assertThat(ftp.read().codeValue()).isEqualTo(452);
                assertThat(ftp.reply("NOOP")).startsWith("200 ");
                assertThat(new String(ftp.retrieve("target.txt"), UTF_8)).isEqualTo("old content");
            }
            assertThat(Files.readString(home.resolve("target.txt"))).isEqualTo("old content");
            assertThat(namesIn(home)).containsExactly("target.txt");
        }
    }

    /** Writes, unless the server closed the data connection first (it stops reading once the disk is full). */
    private static void writeUntilRefused(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException refused) {
            // the server gave up reading; its reply tells why
        }
    }

    @Test
    void concurrentSessionsUploadAndReadBackTheirOwnFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> sessions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "up" + i + ".bin";
                byte[] bytes = Arrays.copyOf(content, 100_000 + i);
                sessions.add(pool.submit(() -> {
                    try (RawFtp ftp = RawFtp.login(server.port())) {
                        for (int round = 0; round < 5; round++) {
                            ftp.store(name, bytes);
                        }
                        return ftp.retrieve(name);
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(sessions.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(Arrays.copyOf(content, 100_000 + i));
                assertThat(Files.size(root.resolve("up" + i + ".bin"))).isEqualTo(100_000 + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(namesIn(root)).containsExactly("file.bin", "up0.bin", "up1.bin", "up2.bin", "up3.bin");
    }

    @Test
    void ftpkitClientStoresListsAndRenames() throws Exception {
        try (FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build()
                .connect("127.0.0.1", server.port())) {
            client.login(TestServers.USER, TestServers.PASSWORD);
            assertThat(client.makeDirectory("dir")).isEqualTo("/dir");
            client.changeDirectory("dir");
            client.store(new ByteArrayInputStream(content), "data.bin");
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            client.retrieve("data.bin", back);
            assertThat(back.toByteArray()).isEqualTo(content);
            assertThat(client.mlst("data.bin").size()).hasValue(content.length);
            assertThat(client.list("")).extracting(ListEntry::name).containsExactly("data.bin");
            client.rename("data.bin", "/renamed.bin");
            client.quit();
        }
        assertThat(Files.readAllBytes(root.resolve("renamed.bin"))).isEqualTo(content);
        assertThat(namesIn(root.resolve("dir"))).isEmpty();
    }

    private static final String FTPLIB = """
            import ftplib, io, sys
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
            ftp.login('alice', 's3cret')
            ftp.mkd('py')
            ftp.cwd('py')
            data = bytes(range(256)) * 1000
            ftp.storbinary('STOR data.bin', io.BytesIO(data))
            ftp.storlines('STOR text.txt', io.BytesIO(b'one\\r\\ntwo\\r\\n'))
            got = io.BytesIO(); ftp.retrbinary('RETR data.bin', got.write)
            assert got.getvalue() == data, 'retrbinary'
            assert ftp.size('data.bin') == len(data), 'size'
            facts = dict(ftp.mlsd())
            assert facts['data.bin']['size'] == str(len(data)), facts
            ftp.rename('data.bin', 'renamed.bin')
            assert sorted(ftp.nlst()) == ['renamed.bin', 'text.txt'], ftp.nlst()
            ftp.quit()
            print('OK')
            """;

    @Test
    void pythonFtplibStoresListsAndRenames() throws Exception {
        Path python = Peers.require("python3");
        Path script = local.resolve("client.py");
        Files.writeString(script, FTPLIB, StandardCharsets.UTF_8);

        Processes.Result result = Processes.run(local, Duration.ofSeconds(60),
                List.of(python.toString(), script.toString(), Integer.toString(server.port())));

        assertThat(result.stdout()).as(result.toString()).contains("OK");
        assertThat(result.exitCode()).isZero();
        byte[] expected = new byte[256_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        assertThat(Files.readAllBytes(root.resolve("py/renamed.bin"))).isEqualTo(expected);
        assertThat(Files.readString(root.resolve("py/text.txt"))).isEqualTo("one\ntwo\n"); // TYPE A: CRLF to LF
        assertThat(namesIn(root.resolve("py"))).containsExactly("renamed.bin", "text.txt");
    }
}
