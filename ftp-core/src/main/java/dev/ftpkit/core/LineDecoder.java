package dev.ftpkit.core;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Turns control-connection bytes into lines, with a bounded buffer (RFC 959 §4.1.3: commands and
 * replies are Telnet lines ended by CRLF). A bare LF also ends a line; a CR right before the LF is
 * removed. Bytes of a line longer than the limit are discarded as they arrive, so memory stays
 * bounded, and {@link #takeLine()} then throws. Not thread-safe.
 */
public final class LineDecoder {
    private static final int MAX_LIMIT = 1 << 30;
    private static final int IAC = 0xFF;
    /** The lowest Telnet command byte (SE); RFC 854 commands are 240..255. */
    private static final int FIRST_COMMAND = 240;
    private static final int SE = 240;
    private static final int SB = 250;
    private static final int WILL = 251;
    private static final int DONT = 254;

    private final int maxLineBytes;
    private byte[] buf = new byte[64];
    private int size;
    private boolean overflow;
    private boolean complete;

    /**
     * Creates a decoder.
     *
     * @param maxLineBytes longest accepted line, without its line end, 1..2^30
     * @throws IllegalArgumentException if the limit is out of range
     */
    public LineDecoder(int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes > MAX_LIMIT) {
            throw new IllegalArgumentException("maxLineBytes must be 1.." + MAX_LIMIT + ": " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Consumes bytes up to and including the first LF, or all of them if there is none.
     *
     * @param bytes the buffer
     * @param off   where to start
     * @param len   how many bytes are available
     * @return how many bytes were consumed
     * @throws IllegalStateException if a complete line has not been taken yet
     * @throws IndexOutOfBoundsException if off and len do not fit the buffer
     */
    public int feed(byte[] bytes, int off, int len) {
        if (complete) {
            throw new IllegalStateException("take the complete line first");
        }
        java.util.Objects.checkFromIndexSize(off, len, bytes.length);
        int n = 0;
        while (n < len) {
            byte b = bytes[off + n];
            n++;
            if (b == '\n') {
                complete = true;
                break;
            }
            append(b);
        }
        return n;
    }

    private void append(byte b) {
        // one extra byte for a CR that may precede the LF
        if (size > maxLineBytes) {
            overflow = true;
            return;
        }
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxLineBytes + 1L, buf.length * 2L));
        }
        buf[size++] = b;
    }

    /**
     * Tells whether a complete line is waiting for {@link #takeLine()}.
     *
     * @return true after a LF was consumed
     */
    public boolean hasLine() {
        return complete;
    }

    /**
     * Tells whether the line being read already passed the limit, before its LF arrived: a reader can refuse
     * the line at once instead of waiting for its end (its remaining bytes are still discarded up to the LF,
     * and {@link #takeLine()} then throws as usual).
     *
     * @return true once the current line is known to be too long
     */
    public boolean tooLong() {
        return overflow;
    }

    /**
     * Tells whether bytes of an unfinished line were consumed (useful at end of stream).
     *
     * @return true if some bytes wait for their LF
     */
    public boolean hasPartialLine() {
        return !complete && (size > 0 || overflow);
    }

    /**
     * Returns the complete line without its CRLF or LF and resets the decoder.
     *
     * @return the line's bytes
     * @throws FtpProtocolException if the line was longer than the limit (the decoder is reset
     *                              and usable for the next line)
     * @throws IllegalStateException if there is no complete line
     */
    public byte[] takeLine() throws FtpProtocolException {
        if (!complete) {
            throw new IllegalStateException("no complete line");
        }
        int length = size > 0 && buf[size - 1] == '\r' ? size - 1 : size;
        boolean tooLong = overflow || length > maxLineBytes;
        byte[] line = tooLong ? null : Arrays.copyOf(buf, length);
        reset();
        if (tooLong) {
            throw new FtpProtocolException("line longer than " + maxLineBytes + " bytes");
        }
        return line;
    }

    /** Forgets any partial or complete line. */
    public void reset() {
        size = 0;
        overflow = false;
        complete = false;
        if (buf.length > 4096) {
            buf = new byte[64];
        }
    }

    /**
     * Removes Telnet commands from a line (RFC 854; RFC 959 §4.1.3 control connection is Telnet):
     * IAC IAC gives one 0xFF byte; IAC WILL/WONT/DO/DONT option is removed; IAC SB ... IAC SE
     * (RFC 855) is removed; IAC followed by any other command (IP 244, DM 242, ...) is removed,
     * as is a lone IAC at the end. This is how the IAC IP / IAC DM sent before ABOR (RFC 959
     * §4.1.3) disappears.
     *
     * @param line the line's bytes
     * @return the bytes without Telnet commands (the same array if there was no IAC)
     */
    public static byte[] stripTelnet(byte[] line) {
        int i = 0;
        while (i < line.length && (line[i] & 0xFF) != IAC) {
            i++;
        }
        if (i == line.length) {
            return line;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
        out.write(line, 0, i);
        while (i < line.length) {
            int b = line[i] & 0xFF;
            if (b != IAC) {
                out.write(b);
                i++;
                continue;
            }
            int cmd = i + 1 < line.length ? line[i + 1] & 0xFF : -1;
            if (cmd == IAC) {
                out.write(IAC);
                i += 2;
            } else if (cmd >= WILL && cmd <= DONT) {
                i += 3;
            } else if (cmd == SB) {
                i = skipSubnegotiation(line, i + 2);
            } else if (cmd >= FIRST_COMMAND) {
                i += 2;
            } else {
                // Not a Telnet command (RFC 854 commands are 240..255): drop the lone IAC and keep the
                // byte. This happens around ABOR when the Synch's DM went out of band as TCP urgent
                // data (RFC 959 §4.1.3): the line reads "IAC IP IAC ABOR" and must stay "ABOR".
                i += 1;
            }
        }
        return out.toByteArray();
    }

    /** Returns the index after the IAC SE that ends a subnegotiation, or the end of the line. */
    private static int skipSubnegotiation(byte[] line, int from) {
        for (int j = from; j + 1 < line.length; j++) {
            if ((line[j] & 0xFF) == IAC) {
                if ((line[j + 1] & 0xFF) == SE) {
                    return j + 2;
                }
                j++; // IAC IAC inside the subnegotiation is data
            }
        }
        return line.length;
    }
}
