package dev.ftpkit.client.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * ASCII upload conversion (RFC 959 §3.1.1.1): local line ends (LF, or CRLF) become CRLF on the wire. A lone CR
 * is kept as it is.
 */
final class AsciiOutputStream extends FilterOutputStream {

    private boolean lastWasCr;
    private final byte[] scratch = new byte[16384];

    AsciiOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (n >= scratch.length - 2) {
                out.write(scratch, 0, n);
                n = 0;
            }
            byte c = b[off + i];
            if (c == '\n' && !lastWasCr) {
                scratch[n++] = '\r';
            }
            scratch[n++] = c;
            lastWasCr = c == '\r';
        }
        out.write(scratch, 0, n);
    }
}
