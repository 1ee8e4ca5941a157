package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.RateLimit;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain binary upload goes from the socket channel into the file, its buffer growing while the client is fast. */
class PlainUploadTest {

    @Test
    void aFastUploadIsStoredByteForByteWhateverSizeTheReadsCome(@TempDir Path dir) throws Exception {
        byte[] content = ChannelSendTest.randomBytes(5 * 1024 * 1024 + 99);
        Path target = dir.resolve("up.bin");
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket client = new Socket(InetAddress.getLoopbackAddress(),
                     ((InetSocketAddress) listener.getLocalAddress()).getPort());
             SocketChannel accepted = listener.accept()) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try (OutputStream out = client.getOutputStream()) {
                    for (int at = 0; at < content.length; at += 300_000) { // writes that fill any buffer
                        out.write(content, at, Math.min(300_000, content.length - at));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, Background.THREADS);
            Socket server = accepted.socket();
            SocketDataConnection data = new SocketDataConnection(server, server, false, RateLimit.UNLIMITED, -1,
                    new SendWays(), new DirectBuffers());
            try (SeekableByteChannel file = Files.newByteChannel(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                assertThat(data.receiveFile(file)).isEqualTo(content.length);
            }
            sent.get(60, TimeUnit.SECONDS);
            data.close();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }
}
