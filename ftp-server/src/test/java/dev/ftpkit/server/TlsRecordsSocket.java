package dev.ftpkit.server;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain socket that counts the TLS records read from it and written to it (each record: a 5-byte header whose
 * last two bytes are the length of what follows), for JSSE to layer TLS over.
 */
final class TlsRecordsSocket extends Socket {

    private final AtomicInteger read = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();

    /** The records whose header has been read so far. */
    int recordsRead() {
        return read.get();
    }

    /** The records whose header has been written so far. */
    int recordsWritten() {
        return written.get();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        RecordHeaders headers = new RecordHeaders(read);
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                headers.see(b, off, n);
                return n;
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        RecordHeaders headers = new RecordHeaders(written);
        return new FilterOutputStream(super.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                headers.see(b, off, len);
                out.write(b, off, len);
            }
        };
    }

    /** Finds the record headers in a byte stream seen piece by piece. */
    private static final class RecordHeaders {
        private final AtomicInteger count;
        private final byte[] header = new byte[5];
        private int headerSeen;
        private int bodyLeft;

        RecordHeaders(AtomicInteger count) {
            this.count = count;
        }

        void see(byte[] b, int off, int n) {
            for (int i = 0; i < n; i++) {
                if (bodyLeft > 0) {
                    bodyLeft--;
                    continue;
                }
                header[headerSeen++] = b[off + i];
                if (headerSeen == header.length) {
                    bodyLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                    headerSeen = 0;
                    count.incrementAndGet();
                }
            }
        }
    }
}
