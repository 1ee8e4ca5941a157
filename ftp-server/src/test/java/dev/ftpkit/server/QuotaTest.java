package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storage quotas against curl, Python's ftplib and the ftpkit client: reaching the quota exactly is allowed, passing
 * it is 552 and leaves no file (nor a temporary one), deleting frees room at once, APPE counts.
 */
class QuotaTest {

    private static final String FTPLIB = """
            import ftplib, io, sys
            port = int(sys.argv[1])
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', port, timeout=20)
            ftp.login('alice', 's3cret')
            def code(action):
                try:
                    return action()[:3]
                except ftplib.error_perm as e:
                    return str(e)[:3]
            print(code(lambda: ftp.storbinary('STOR a.bin', io.BytesIO(b'a' * 600))))
            print(code(lambda: ftp.storbinary('APPE a.bin', io.BytesIO(b'b' * 400))))
            print(code(lambda: ftp.storbinary('APPE a.bin', io.BytesIO(b'c'))))
            print(ftp.size('a.bin'))
            print(code(lambda: ftp.delete('a.bin')))
            print(code(lambda: ftp.storbinary('STOR b.bin', io.BytesIO(b'd' * 1000))))
            ftp.quit()
            """;

    @TempDir
    Path temporary;

    private Path root;
    private FtpServer server;

    private FtpServer start(Quota quota, boolean atomicUploads) throws Exception {
        root = Files.createDirectories(temporary.resolve("root"));
        server = TestServers.builder(root).atomicUploads(atomicUploads)
                .quotas(Quotas.builder().account(TestServers.USER, quota).build()).build().start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private List<String> rootNames() throws Exception {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Processes.Result curlUpload(Path file, String name) throws Exception {
        return Processes.run(temporary, Duration.ofSeconds(60), List.of(Peers.require("curl").toString(), "-sS",
                "--max-time", "50", "-T", file.toString(), TestServers.url(server, name)));
    }

    private Path localFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(temporary.resolve(name), bytes);
    }

    /** 552 before the 150 (the file limit) is a reply exception; during the transfer, a transfer exception. */
    private static void is552(Throwable failure) {
        int code = failure instanceof FtpReplyException reply ? reply.code()
                : ((FtpTransferException) failure).reply().orElseThrow().codeValue();
        assertThat(code).as(failure.toString()).isEqualTo(552);
    }

    @Test
    void curlMayFillTheQuotaExactlyButNotByOneByteMore() throws Exception {
        start(Quota.bytes(1000), true);
        Processes.Result exact = curlUpload(localFile("exact", 1000), "exact.bin");
        assertThat(exact.exitCode()).as(exact.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("exact.bin")))
                .isEqualTo(Files.readAllBytes(temporary.resolve("exact")));

        Processes.Result over = curlUpload(localFile("one", 1), "one.bin");
        assertThat(over.exitCode()).as(over.toString()).isEqualTo(70); // curl's "disk full on the server": 552
        assertThat(over.stderr()).contains("Exceeded storage allocation");
        assertThat(rootNames()).containsExactly("exact.bin"); // no file, no temporary file
    }

    @Test
    void aLargeUploadPastTheQuotaIsStoppedDuringTheTransferAndLeavesNothing() throws Exception {
        start(Quota.bytes(1_000_000), true);
        Processes.Result over = curlUpload(localFile("big", 8_000_000), "big.bin");
        assertThat(over.exitCode()).as(over.toString()).isNotZero();
        assertThat(rootNames()).isEmpty();
    }

    @Test
    void withoutAtomicUploadsAnUploadPastTheQuotaLeavesNoPartialFile() throws Exception {
        start(Quota.bytes(1_000_000), false);
        Processes.Result over = curlUpload(localFile("big", 3_000_000), "big.bin");
        assertThat(over.exitCode()).as(over.toString()).isNotZero();
        assertThat(rootNames()).isEmpty();
    }

    @Test
    void ftplibAppendsCountAndDeletingFreesRoomAtOnce() throws Exception {
        start(Quota.bytes(1000), true);
        Path script = Files.writeString(temporary.resolve("quota.py"), FTPLIB);
        Processes.Result result = Processes.run(temporary, Duration.ofSeconds(60), List.of(
                Peers.require("python3").toString(), script.toString(), Integer.toString(server.port())));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines().toList())
                .containsExactly("226", "226", "552", "1000", "250", "226");
        assertThat(rootNames()).containsExactly("b.bin");
    }

    @Test
    void theFtpkitClientGets552AndTheFileLimitCountsNewFilesOnly() throws Exception {
        start(new Quota(10_000, 2), true);
        Files.write(root.resolve("old.bin"), new byte[4000]); // walked at the first login
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            assertThatThrownBy(() -> ftp.store(new ByteArrayInputStream(new byte[6001]), "new.bin"))
                    .satisfies(QuotaTest::is552);
            ftp.store(new ByteArrayInputStream(new byte[6000]), "new.bin");
            ftp.store(new ByteArrayInputStream(new byte[100]), "old.bin"); // replacing frees the 4000 it held
            assertThatThrownBy(() -> ftp.store(new ByteArrayInputStream(new byte[1]), "third.bin"))
                    .satisfies(QuotaTest::is552);
            ftp.rename("old.bin", "new.bin"); // the 6000 renamed over are free
            ftp.store(new ByteArrayInputStream(new byte[9900]), "third.bin");
        }
        assertThat(rootNames()).containsExactly("new.bin", "third.bin");
        assertThat(Files.size(root.resolve("third.bin"))).isEqualTo(9900);
    }

    @Test
    void stouAtTheFileLimitLeavesNoReservedName() throws Exception {
        start(new Quota(10_000, 1), true);
        Files.write(root.resolve("only.bin"), new byte[10]);
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            assertThatThrownBy(() -> ftp.storeUnique(new ByteArrayInputStream(new byte[5])))
                    .satisfies(QuotaTest::is552);
        }
        assertThat(rootNames()).containsExactly("only.bin");
    }

    @Test
    void anotherSessionOfTheAccountSeesTheSameUsage() throws Exception {
        start(Quota.bytes(1000), true);
        try (FtpClient first = FtpClient.connect("127.0.0.1", server.port());
             FtpClient second = FtpClient.connect("127.0.0.1", server.port())) {
            first.login(TestServers.USER, TestServers.PASSWORD);
            second.login(TestServers.USER, TestServers.PASSWORD);
            first.store(new ByteArrayInputStream(new byte[700]), "a.bin");
            assertThatThrownBy(() -> second.store(new ByteArrayInputStream(new byte[301]), "b.bin"))
                    .satisfies(QuotaTest::is552);
            first.delete("a.bin");
            second.store(new ByteArrayInputStream(new byte[1000]), "b.bin");
        }
        assertThat(rootNames()).containsExactly("b.bin");
    }
}
