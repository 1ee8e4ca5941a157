package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.RateLimit;
import dev.ftpkit.server.internal.data.SendWays.Way;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that stops reading leaves the sending thread waiting to sendfile more; aborting the transfer (ABOR, QUIT,
 * the control connection lost, the stall watchdog all do) must wake it. (A blocking sendfile on Java 17 is not woken
 * by a close alone: the abort shuts the socket's output down first, and sendfile runs non-blocking besides.)
 */
class StalledSendfileTest {

    @Test
    void abortWakesADownloadBlockedInSendfileToAClientThatStoppedReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sparse.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(512L * 1024 * 1024); // far more than any socket buffer holds
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket client = new Socket(InetAddress.getLoopbackAddress(),
                     ((InetSocketAddress) listener.getLocalAddress()).getPort());
             SocketChannel accepted = listener.accept();
             SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            Socket server = accepted.socket();
            SocketDataConnection data = new SocketDataConnection(server, server, false, RateLimit.UNLIMITED, -1,
                    SendWays.always(Way.SENDFILE), new DirectBuffers());
            Transfer transfer = new Transfer("RETR", "sparse.bin");
            transfer.attach(data);
            CompletableFuture<Long> sending = CompletableFuture.supplyAsync(() -> {
                try {
                    return data.sendFile(channel, file);
                } catch (java.io.IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, Background.THREADS);
            awaitFirstBytes(client); // sendfile runs; the client reads nothing, so it soon blocks
            assertThat(sending).isNotDone();

            transfer.abort();

            assertThatThrownBy(() -> sending.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataConnectionException.class);
        }
    }

    /**
     * The abort's close can land after sendfile found the socket's buffer full and before the sender began to wait
     * for it: the close cancelled the socket's key, the wait takes it out of the selector and, untimed, would wait
     * on nothing for ever (seen once in CI on Java 25: the sending thread never returned).
     */
    @Test
    void aWaitForTheSocketThatBeginsAfterTheAbortClosedItFailsInsteadOfWaitingForever() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(listener.getLocalAddress());
             SocketChannel accepted = listener.accept();
             Selector writable = Selector.open()) {
            accepted.configureBlocking(false);
            SelectionKey key = accepted.register(writable, SelectionKey.OP_WRITE);
            accepted.socket().shutdownOutput(); // what Transfer.abort() does, in its order
            accepted.close();

            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    ChannelSend.awaitWritable(writable, key);
                } catch (java.io.IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, Background.THREADS);

            assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataConnectionException.class);
        }
    }

    /** Waits (bounded by the socket timeout) for the server's first byte, and reads nothing more. */
    private static void awaitFirstBytes(Socket client) throws Exception {
        client.setSoTimeout(30_000);
        assertThat(client.getInputStream().read()).isNotNegative();
    }
}
