package dev.ftpkit.client.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * Binary transfers between a local file and a plain data connection that never pass through the JVM's heap: each
 * chunk is read into one direct buffer and written from it, file to socket or socket to file. The stream path
 * copies each chunk twice more (socket to heap array and heap array to file, each through a temporary direct
 * buffer of the JDK's). Counting, progress, keep-alive NOOPs, the stall timeout and the final
 * reply are the transfer's, as on the stream path.
 */
final class ChannelCopy {

    private ChannelCopy() {
    }

    /**
     * Sends {@code file} from its position to its end, then ends the upload; returns the bytes sent. (A plain read
     * and write through one direct buffer: {@code FileChannel.transferTo}, the kernel's sendfile, took less CPU but
     * more than twice as long against vsftpd on loopback, measured whole-process on 512 MiB.) Also measured against
     * vsftpd on loopback and left out: 256 KiB chunks cost the client about a quarter less CPU per GiB but vsftpd,
     * the slower end, more (0.76-0.90 s per GiB received instead of 0.68), and the upload was no faster (0.89 and
     * 0.93 times the 64 KiB chunk's speed in two interleaved runs); a send buffer bounded to 256 KiB instead of the
     * kernel's autotuning, TCP_NODELAY, an IPv4 socket, and non-blocking writes waiting in a selector as curl's do
     * changed nothing that stood out of the noise.
     */
    static long upload(DataTransfer transfer, SocketChannel socket, FileChannel file, int bufferSize)
            throws IOException {
        transfer.startStallWatchdog();
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferSize);
        // Bounded by the file: each round reads at least one byte of it, or ends.
        while (true) {
            buffer.clear();
            int n;
            try {
                n = file.read(buffer);
            } catch (IOException localFailure) {
                Copying.abortQuietly(transfer, localFailure);
                throw localFailure;
            }
            if (n < 0) {
                break;
            }
            buffer.flip();
            // Bounded: a blocking write sends at least one byte, or fails.
            while (buffer.hasRemaining()) {
                transfer.blocking(() -> socket.write(buffer));
            }
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
