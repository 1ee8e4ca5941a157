package dev.ftpkit.client.internal;

import dev.ftpkit.core.AsciiConversion;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * ASCII upload conversion (RFC 959 §3.1.1.1): local line ends (LF, or CRLF) become CRLF on the wire
 * ({@link AsciiConversion#toNetwork()}). A lone CR is kept as it is.
 */
final class AsciiOutputStream extends FilterOutputStream {

    private static final int CHUNK = 8192;
    private final AsciiConversion conversion = AsciiConversion.toNetwork();
    private final byte[] scratch = new byte[conversion.maxOutput(CHUNK)];

    AsciiOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        for (int done = 0; done < len; done += CHUNK) {
            int n = conversion.convert(b, off + done, Math.min(CHUNK, len - done), scratch, 0);
            out.write(scratch, 0, n);
        }
    }
}
