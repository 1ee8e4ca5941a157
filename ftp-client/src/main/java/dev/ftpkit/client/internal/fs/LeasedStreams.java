package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpConnectionPool;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Transfer streams that give their pooled connection back when closed. Closing completes the transfer (or aborts a
 * download not read to its end) first; a connection whose transfer failed to end cleanly is discarded.
 */
final class LeasedStreams {

    private LeasedStreams() {
    }

    static InputStream input(InputStream in, FtpConnectionPool.Lease lease) {
        return new FilterInputStream(in) {
            private boolean closed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    endTransfer(in, lease);
                }
            }
        };
    }

    static OutputStream output(OutputStream out, FtpConnectionPool.Lease lease) {
        return new FilterOutputStream(out) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    endTransfer(out, lease);
                }
            }
        };
    }

    private static void endTransfer(java.io.Closeable transfer, FtpConnectionPool.Lease lease) throws IOException {
        try {
            transfer.close();
        } catch (IOException | RuntimeException e) {
            lease.discard();
            throw e;
        } finally {
            lease.close();
        }
    }
}
