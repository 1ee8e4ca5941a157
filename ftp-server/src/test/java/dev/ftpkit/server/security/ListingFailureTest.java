package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listings that fail after their 150 (issue 13, attack 1): the final reply is 426 or 451, never 226, and the data
 * connection is reset rather than ended cleanly, so a client that reads to the end cannot take a truncated listing
 * for a whole one.
 */
class ListingFailureTest extends SecurityFixture {

    /** More entries than one batch of the server's directory reads, so part of the listing is sent before the fault. */
    private static final int ENTRIES = 10_000;
    /**
     * For the stalled reader, a listing of about 8 MB that cannot fit in the sockets' buffers (Linux lets a loopback
     * send buffer grow to 4 MiB), or a client that reads nothing still gets all of it in flight, and rightly 226.
     */
    private static final int LONG_ENTRIES = 30_000;
    private static final String LONG_PREFIX = "e".repeat(200) + "-";

    private void bigDirectory(int entries, String prefix) throws IOException {
        Path big = Files.createDirectory(root.resolve("big"));
        for (int i = 0; i < entries; i++) {
            Files.createFile(big.resolve(prefix + i));
        }
    }

    @Test
    void directoryReadErrorMidwayEndsWith451AndNotAllLines() throws Exception {
        bigDirectory(ENTRIES, "entry-");
        Path failing = FailingFileSystem.failingListings(root, ENTRIES - 1_000,
                p -> new IOException("Input/output error"));
        server = Security.server(root).root(failing).build().start();
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            ftp.expect(150, "LIST big");
            long lines = countLines(data);
            assertThat(ftp.read().codeValue()).isEqualTo(451);
            assertThat(lines).isLessThan(ENTRIES);
        }
        Security.bystanderIsServed(server);
    }

    @Test
    void clientThatStopsReadingGets426AfterTheDataTimeout() throws Exception {
        bigDirectory(LONG_ENTRIES, LONG_PREFIX);
        server = Security.server(root).dataTimeout(Duration.ofSeconds(2)).build().start();
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = new Socket()) {
            data.setReceiveBufferSize(4 * 1024);
            data.connect(new InetSocketAddress("127.0.0.1", ftp.pasvPort()), 5_000);
            ftp.expect(150, "MLSD big");
            // reads nothing, so the server cannot send it all
            Reply last = ftp.read();
            assertThat(last.codeValue()).isEqualTo(426);
            Security.bystanderIsServed(server);
        }
    }

    /** Reads to the end; a reset ends the count like an end of stream (its reply tells what happened). */
    private static long countLines(Socket data) {
        long lines = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = data.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        } catch (IOException reset) {
            // the server aborted the data connection
        }
        return lines;
    }
}
