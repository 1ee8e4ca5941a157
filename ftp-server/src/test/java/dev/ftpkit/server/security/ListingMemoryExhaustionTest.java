package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory exhaustion by listings (issue 13, attack 1): twelve anonymous clients that read slowly each LIST a
 * directory of 100,000 entries at once, against a server with a 256 MiB heap. Every listing is complete with 226
 * or ends with a 4xx (a 226 after a truncated listing is a lie the client cannot detect), and the server still
 * greets, logs in and lists for a bystander afterwards (CWE-400, CWE-770).
 */
class ListingMemoryExhaustionTest {

    private static final int ENTRIES = 100_000;
    private static final int CLIENTS = 12;

    @TempDir
    Path root;
    @TempDir
    Path logs;

    private ChildServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** What one listing client saw: the final reply's code and how many lines came before it. */
    private record Outcome(int code, long lines) {
        boolean honest() {
            return code == 226 && lines == ENTRIES || code >= 400 && code < 500;
        }
    }

    @Test
    void concurrentHugeListingsOnASmallHeapAreCompleteOrFailedAndTheServerKeepsServing() throws Exception {
        Path big = Files.createDirectory(root.resolve("big"));
        for (int i = 0; i < ENTRIES; i++) {
            Files.createFile(big.resolve("entry-" + i));
        }
        Files.writeString(root.resolve(Security.PROBE), Security.PROBE_CONTENT);
        server = ChildServer.start(CrashServerMain.class, List.of("-Xmx256m"), logs.resolve("server.log"),
                root.toString());

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            // "slow" readers, scaled down: nobody reads a byte until every listing has started (or failed), so
            // all twelve are in the server at once; then they read in small pieces through small buffers
            CountDownLatch started = new CountDownLatch(CLIENTS);
            List<Future<Outcome>> listings = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                listings.add(pool.submit(() -> slowList(server.port(), started)));
            }
            for (Future<Outcome> listing : listings) {
                assertThat(listing.get(120, TimeUnit.SECONDS)).matches(Outcome::honest, "226 with every line, or 4xx");
            }
            Future<?> bystander = pool.submit(() -> {
                bystanderListsAndDownloads(server.port());
                return null;
            });
            bystander.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome slowList(int port, CountDownLatch started) throws Exception {
        try (RawFtp ftp = RawFtp.connect(port)) {
            ftp.expect(331, "USER anonymous");
            ftp.expect(230, "PASS reader@example.org");
            int dataPort = ftp.pasvPort();
            try (Socket data = new Socket()) {
                data.setReceiveBufferSize(8 * 1024);
                data.connect(new InetSocketAddress("127.0.0.1", dataPort), 5_000);
                data.setSoTimeout(60_000);
                Reply first;
                try {
                    first = ftp.send("LIST big");
                } finally {
                    started.countDown();
                }
                if (first.codeValue() != 150) {
                    return new Outcome(first.codeValue(), 0);
                }
                started.await(60, TimeUnit.SECONDS);
                long lines = 0;
                byte[] piece = new byte[1024];
                InputStream in = data.getInputStream();
                try {
                    for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
                        for (int i = 0; i < n; i++) {
                            lines += piece[i] == '\n' ? 1 : 0;
                        }
                    }
                } catch (IOException reset) {
                    // the server may abort the data connection; its reply says what happened
                }
                return new Outcome(ftp.read().codeValue(), lines);
            }
        }
    }

    private static void bystanderListsAndDownloads(int port) throws IOException {
        try (RawFtp ftp = RawFtp.connect(port)) {
            assertThat(ftp.greeting.codeValue()).isEqualTo(220);
            ftp.expect(331, "USER anonymous");
            ftp.expect(230, "PASS bystander@example.org");
            assertThat(ftp.list("NLST")).contains(Security.PROBE, "big");
            assertThat(new String(ftp.retrieve(Security.PROBE), StandardCharsets.UTF_8))
                    .isEqualTo(Security.PROBE_CONTENT);
            assertThat(ftp.reply("QUIT")).startsWith("221 ");
        }
    }
}
