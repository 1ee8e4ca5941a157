package dev.ftpkit.client.internal;

import dev.ftpkit.core.AsciiConversion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * ASCII download conversion (RFC 959 §3.1.1.1): the wire's CRLF line ends become the local line separator
 * ({@link AsciiConversion#fromNetwork(String)}). A CR not followed by LF is kept.
 */
final class AsciiInputStream extends FilterInputStream {

    private final AsciiConversion conversion;
    private byte[] pending = new byte[0];
    private int pendingPos;
    private int pendingEnd;
    private boolean eof;

    AsciiInputStream(InputStream in, String lineSeparator) {
        super(in);
        this.conversion = AsciiConversion.fromNetwork(lineSeparator);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (pendingPos < pendingEnd) {
                int n = Math.min(len, pendingEnd - pendingPos);
                System.arraycopy(pending, pendingPos, b, off, n);
                pendingPos += n;
                return n;
            }
            if (eof) {
                return -1;
            }
            fill(len);
        }
    }

    /** Reads raw bytes and converts them into {@code pending}. */
    private void fill(int hint) throws IOException {
        byte[] raw = new byte[Math.max(1024, Math.min(hint, 65536))];
        int n = in.read(raw, 0, raw.length);
        if (pending.length < conversion.maxOutput(raw.length)) {
            pending = new byte[conversion.maxOutput(raw.length)];
        }
        pendingPos = 0;
        if (n < 0) {
            eof = true;
            pendingEnd = conversion.finish(pending, 0);
        } else {
            pendingEnd = conversion.convert(raw, 0, n, pending, 0);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] scratch = new byte[8192];
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() {
        return pendingEnd - pendingPos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
