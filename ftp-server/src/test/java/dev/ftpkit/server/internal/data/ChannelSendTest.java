package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.RateLimit;
import dev.ftpkit.server.internal.data.SendWays.Way;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary downloads over plain TCP go through channels, by sendfile or a direct-buffer copy: both send exactly the
 * file's bytes from the REST offset on, and so does a probe that alternates them.
 */
class ChannelSendTest {

    private static final int SIZE = 5 * 1024 * 1024 + 4321;
    private static final int OFFSET = 1_234_567;

    @ParameterizedTest
    @EnumSource(Way.class)
    void eachWaySendsTheFileFromTheRestOffsetByteForByte(Way way, @TempDir Path dir) throws Exception {
        byte[] content = randomBytes(SIZE);
        Path file = Files.write(dir.resolve("big.bin"), content);
        byte[] received = download(file, OFFSET, SendWays.always(way), false);
        assertThat(received).isEqualTo(Arrays.copyOfRange(content, OFFSET, SIZE));
    }

    @Test
    void aProbeSendsEveryByteAndLeavesTheStoreDecidedOrFreeToProbeAgain(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(SIZE);
        Path file = Files.write(dir.resolve("big.bin"), content);
        SendWays ways = SendWays.probingWith(64 * 1024 + 7); // slices that do not fall on buffer boundaries
        byte[] received = download(file, OFFSET, ways, false);
        assertThat(received).isEqualTo(Arrays.copyOfRange(content, OFFSET, SIZE));
        Object store = SendWays.storeOf(file).orElseThrow();
        assertThat(ways.startProbe(store)).as("probed again only if undecided")
                .isEqualTo(ways.decided(store).isEmpty());
    }

    @Test
    void asciiStillConvertsLineEndsInsteadOfSendingTheFileAsItIs(@TempDir Path dir) throws Exception {
        byte[] content = "one\ntwo\n".repeat(300_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("text.txt"), content);
        byte[] received = download(file, 0, SendWays.always(Way.SENDFILE), true);
        assertThat(received).isEqualTo("one\r\ntwo\r\n".repeat(300_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    // a direct buffer per download piled up until a GC ran: 1.1 GiB with 1,000 sessions (issue 21)
    @Test
    void downloadsOneAfterTheOtherCopyThroughTheSameLentBuffer(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(200_000);
        Path file = Files.write(dir.resolve("small.bin"), content);
        DirectBuffers buffers = new DirectBuffers();
        for (int i = 0; i < 3; i++) {
            assertThat(download(file, 0, SendWays.always(Way.COPY), false, buffers)).isEqualTo(content);
            assertThat(buffers.idle()).as("given back, and taken again by the next download").isEqualTo(1);
        }
    }

    private static byte[] download(Path file, long offset, SendWays ways, boolean ascii) throws Exception {
        return download(file, offset, ways, ascii, new DirectBuffers());
    }

    /** Sends {@code file} from {@code offset} over a loopback connection and returns what the client read. */
    private static byte[] download(Path file, long offset, SendWays ways, boolean ascii, DirectBuffers buffers)
            throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket client = new Socket(InetAddress.getLoopbackAddress(),
                     ((InetSocketAddress) listener.getLocalAddress()).getPort());
             SocketChannel accepted = listener.accept()) {
            client.setSoTimeout(30_000);
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAll(client), Background.THREADS);
            Socket server = accepted.socket();
            SocketDataConnection data = new SocketDataConnection(server, server, ascii, RateLimit.UNLIMITED, -1, ways,
                    buffers);
            try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
                channel.position(offset);
                long sent = data.sendFile(channel, file);
                if (!ascii) { // TYPE A counts what went over the connection
                    assertThat(sent).isEqualTo(Files.size(file) - offset);
                }
                assertThat(channel.position()).isEqualTo(Files.size(file));
            }
            data.close();
            return read.get(60, TimeUnit.SECONDS);
        }
    }

    private static byte[] readAll(Socket client) {
        try (InputStream in = client.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
