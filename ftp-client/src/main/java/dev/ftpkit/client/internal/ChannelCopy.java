package dev.ftpkit.client.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * Binary transfers between a local file and a plain data connection that never pass through the JVM's heap: an
 * upload is {@link FileChannel#transferTo} (the kernel's {@code sendfile} on Linux: the file's pages go to the socket
 * without being copied into the process), a download reads the socket into one direct buffer and writes that to the
 * file. The stream path copies each chunk twice more (socket to heap array and heap array to file, each through a
 * temporary direct buffer of the JDK's). Counting, progress, keep-alive NOOPs, the stall timeout and the final
 * reply are the transfer's, as on the stream path.
 */
final class ChannelCopy {

    /** The most one {@code sendfile} call sends: progress and keep-alive NOOPs are looked at between calls. */
    private static final long SEND_CHUNK = 8L << 20;

    private ChannelCopy() {
    }

    /** Sends {@code file} from its position to its end, then ends the upload; returns the bytes sent. */
    static long upload(DataTransfer transfer, SocketChannel socket, FileChannel file) throws IOException {
        transfer.startStallWatchdog();
        long position = file.position();
        // Bounded: each round sends at least one byte of the file, or ends (a blocking sendfile returns 0 only at
        // the end of the file).
        while (true) {
            long from = position;
            long sent = transfer.blocking(() -> file.transferTo(from, SEND_CHUNK, socket));
            if (sent <= 0) {
                break;
            }
            position += sent;
        }
        transfer.uploadEnded();
        return transfer.bytes();
    }

    /** Receives the download into {@code file} until the server closes the data connection; returns its bytes. */
    static long download(DataTransfer transfer, SocketChannel socket, FileChannel file, int bufferSize)
            throws IOException {
        transfer.startStallWatchdog();
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferSize);
        // Bounded by the data connection: each round reads at least one byte or ends.
        while (transfer.blocking(() -> socket.read(buffer)) >= 0) {
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
            } catch (IOException localFailure) {
                // The local side failed: abort the transfer so the connection stays usable, then report.
                Copying.abortQuietly(transfer, localFailure);
                throw localFailure;
            }
            buffer.clear();
        }
        transfer.complete();
        return transfer.bytes();
    }
}
