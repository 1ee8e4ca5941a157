package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Copies between a file channel and a data connection with one 64 KiB buffer (on loopback plain buffer copies
 * beat {@code FileChannel.transferTo}, see PEERS.md), converting line ends for TYPE A (RFC 959 §3.1.1.1: the
 * network form of ASCII ends lines with CRLF; files here end them with LF).
 */
final class TransferIo {

    private TransferIo() {
    }

    static long send(SeekableByteChannel file, OutputStream out, boolean ascii) throws IOException {
        byte[] buffer = new byte[SocketDataConnection.BUFFER_SIZE];
        byte[] converted = ascii ? new byte[buffer.length * 2] : null;
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long total = 0;
        byte previous = 0;
        while (true) {
            wrapped.clear();
            int n = file.read(wrapped);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                continue;
            }
            if (ascii) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n' && previous != '\r') {
                        converted[m++] = '\r';
                    }
                    converted[m++] = b;
                    previous = b;
                }
                out.write(converted, 0, m);
                total += m;
            } else {
                out.write(buffer, 0, n);
                total += n;
            }
        }
        out.flush();
        return total;
    }

    static long receive(InputStream in, SeekableByteChannel file, boolean ascii) throws IOException {
        byte[] buffer = new byte[SocketDataConnection.BUFFER_SIZE];
        long total = 0;
        boolean pendingCr = false;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
            int length = n;
            if (ascii) {
                // CRLF becomes LF; a CR not followed by LF is kept
                byte[] out = new byte[n + 1];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (pendingCr) {
                        pendingCr = false;
                        if (b != '\n') {
                            out[m++] = '\r';
                        }
                    }
                    if (b == '\r') {
                        pendingCr = true;
                    } else {
                        out[m++] = b;
                    }
                }
                total += writeFully(file, out, m);
                continue;
            }
            total += writeFully(file, buffer, length);
        }
        if (pendingCr) {
            total += writeFully(file, new byte[] {'\r'}, 1);
        }
        return total;
    }

    private static int writeFully(SeekableByteChannel file, byte[] bytes, int length) throws IOException {
        ByteBuffer wrapped = ByteBuffer.wrap(bytes, 0, length);
        while (wrapped.hasRemaining()) {
            file.write(wrapped);
        }
        return length;
    }
}
