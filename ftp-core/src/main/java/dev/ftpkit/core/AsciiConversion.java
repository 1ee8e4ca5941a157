package dev.ftpkit.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The line-end conversion of TYPE A transfers (RFC 959 §3.1.1.1: the network form of ASCII ends lines with CRLF),
 * in one direction, streaming: bytes go in in chunks of any size and the result does not depend on where the
 * chunks are cut (a CR at the end of one chunk is held until the next one shows whether an LF follows). Both the
 * client and the server convert with it. Stateful, not thread-safe, no I/O.
 *
 * <ul>
 *   <li>{@link #toNetwork()}: an LF not preceded by CR becomes CRLF; a CRLF and a lone CR stay as they are.</li>
 *   <li>{@link #fromNetwork(String)}: a CRLF becomes the local line separator, and so does a lone LF (a common
 *       sloppiness); a lone CR stays.</li>
 * </ul>
 * The round trip local → network → local gives back text whose lines end with the local separator, a lone CR
 * kept, when the local separator is LF and the text has no CRLF of its own.
 */
public final class AsciiConversion {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final boolean toNetwork;
    private final byte[] separator;
    /** Encoding: the last byte was a CR; decoding: a CR is held back until the next byte. */
    private boolean afterCr;

    private AsciiConversion(boolean toNetwork, byte[] separator) {
        this.toNetwork = toNetwork;
        this.separator = separator;
    }

    /**
     * Local text to the network form (uploads by a client, downloads served by a server).
     *
     * @return a new converter
     */
    public static AsciiConversion toNetwork() {
        return new AsciiConversion(true, new byte[] {CR, LF});
    }

    /**
     * The network form to local text (downloads by a client, uploads received by a server).
     *
     * @param localLineSeparator what a line end becomes, e.g. {@code "\n"} or {@link System#lineSeparator()}
     * @return a new converter
     * @throws IllegalArgumentException if the separator is empty or not ASCII
     */
    public static AsciiConversion fromNetwork(String localLineSeparator) {
        Objects.requireNonNull(localLineSeparator, "localLineSeparator");
        if (localLineSeparator.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(localLineSeparator)) {
            throw new IllegalArgumentException("localLineSeparator must be non-empty ASCII");
        }
        return new AsciiConversion(false, localLineSeparator.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The most bytes {@link #convert} can write for {@code inputLength} bytes in (and {@link #finish} after it).
     *
     * @param inputLength bytes in, at least 0
     * @return the size an output buffer needs
     */
    public int maxOutput(int inputLength) {
        return (int) Math.min(Integer.MAX_VALUE - 8, ((long) inputLength + 1) * separator.length);
    }

    /**
     * Converts the next chunk.
     *
     * @param in     the input buffer
     * @param off    where the chunk starts
     * @param len    the chunk's length
     * @param out    the output buffer, with room for {@link #maxOutput(int) maxOutput(len)} bytes from {@code outOff}
     * @param outOff where to write
     * @return how many bytes were written
     * @throws IndexOutOfBoundsException if a range does not fit its buffer
     */
    public int convert(byte[] in, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, in.length);
        if (outOff < 0 || outOff > out.length || out.length - outOff < maxOutput(len)) {
            throw new IndexOutOfBoundsException("the output needs room for " + maxOutput(len) + " bytes");
        }
        return toNetwork ? encode(in, off, len, out, outOff) : decode(in, off, len, out, outOff);
    }

    private int encode(byte[] in, int off, int len, byte[] out, int outOff) {
        int m = outOff;
        for (int i = off; i < off + len; i++) {
            byte b = in[i];
            if (b == LF && !afterCr) {
                out[m++] = CR;
            }
            out[m++] = b;
            afterCr = b == CR;
        }
        return m - outOff;
    }

    private int decode(byte[] in, int off, int len, byte[] out, int outOff) {
        int m = outOff;
        for (int i = off; i < off + len; i++) {
            byte b = in[i];
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    m = separator(out, m);
                    continue;
                }
                out[m++] = CR;
            }
            if (b == CR) {
                afterCr = true;
            } else if (b == LF) {
                m = separator(out, m);
            } else {
                out[m++] = b;
            }
        }
        return m - outOff;
    }

    private int separator(byte[] out, int at) {
        System.arraycopy(separator, 0, out, at, separator.length);
        return at + separator.length;
    }

    /**
     * Ends the input: writes a CR held back at the end of the last chunk (decoding), nothing otherwise.
     *
     * @param out    the output buffer, with room for one byte
     * @param outOff where to write
     * @return how many bytes were written (0 or 1)
     */
    public int finish(byte[] out, int outOff) {
        if (!toNetwork && afterCr) {
            afterCr = false;
            out[outOff] = CR;
            return 1;
        }
        return 0;
    }

    /**
     * Converts a whole text at once (for tests and small values).
     *
     * @param bytes the input
     * @return the converted bytes; this converter is left finished
     */
    public byte[] convertAll(byte[] bytes) {
        byte[] out = new byte[maxOutput(bytes.length)];
        int n = convert(bytes, 0, bytes.length, out, 0);
        n += finish(out, n);
        return java.util.Arrays.copyOf(out, n);
    }
}
