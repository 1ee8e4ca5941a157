package dev.ftpkit.server.internal.data;

import dev.ftpkit.core.AsciiConversion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Copies between a file channel and a data connection's streams with one 64 KiB buffer, for what needs the bytes in
 * hand (TYPE A, MODE Z, TLS, a rate limit; plain binary transfers go through the channels: {@link ChannelSend},
 * {@link SocketDataConnection#receiveInto}), converting line ends for TYPE A with
 * {@link AsciiConversion} (RFC 959 §3.1.1.1: the network form of ASCII ends lines with CRLF; files here end them
 * with LF).
 */
final class TransferIo {

    private TransferIo() {
    }

    static long send(SeekableByteChannel file, OutputStream out, boolean ascii, int chunk) throws IOException {
        byte[] buffer = new byte[chunk];
        AsciiConversion conversion = AsciiConversion.toNetwork();
        byte[] converted = ascii ? new byte[conversion.maxOutput(buffer.length)] : null;
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long total = 0;
        while (true) {
            wrapped.clear();
            int n = file.read(wrapped);
            if (n < 0) {
                break;
            }
            if (ascii) {
                int m = conversion.convert(buffer, 0, n, converted, 0);
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
        // the server stores lines with LF (RFC 959 §3.1.1.1 leaves the local form to the host)
        AsciiConversion conversion = AsciiConversion.fromNetwork("\n");
        byte[] converted = ascii ? new byte[conversion.maxOutput(buffer.length)] : null;
        long total = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
            total += ascii ? writeFully(file, converted, conversion.convert(buffer, 0, n, converted, 0))
                    : writeFully(file, buffer, n);
        }
        if (ascii) {
            total += writeFully(file, converted, conversion.finish(converted, 0));
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
