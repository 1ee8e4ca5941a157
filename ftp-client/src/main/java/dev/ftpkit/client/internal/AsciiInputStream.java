package dev.ftpkit.client.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * ASCII download conversion (RFC 959 §3.1.1.1): the wire's CRLF line ends become the local line separator. A CR
 * not followed by LF is kept.
 */
final class AsciiInputStream extends FilterInputStream {

    private final byte[] separator;
    private final boolean separatorIsLf;
    private byte[] pending = new byte[0];
    private int pendingPos;
    private boolean crHeld;
    private boolean eof;

    AsciiInputStream(InputStream in, String lineSeparator) {
        super(in);
        this.separator = lineSeparator.getBytes(StandardCharsets.US_ASCII);
        this.separatorIsLf = lineSeparator.equals("\n");
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
            if (pendingPos < pending.length) {
                int n = Math.min(len, pending.length - pendingPos);
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
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(n, 1) + separator.length);
        if (n < 0) {
            eof = true;
            if (crHeld) {
                out.write('\r');
                crHeld = false;
            }
        } else {
            for (int i = 0; i < n; i++) {
                byte c = raw[i];
                if (crHeld) {
                    crHeld = false;
                    if (c == '\n') {
                        out.write(separator, 0, separator.length);
                        continue;
                    }
                    out.write('\r');
                }
                if (c == '\r') {
                    crHeld = true;
                } else if (c == '\n' && !separatorIsLf) {
                    out.write(separator, 0, separator.length);
                } else {
                    out.write(c);
                }
            }
        }
        pending = out.toByteArray();
        pendingPos = 0;
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
        return pending.length - pendingPos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
