package dev.ftpkit.server.internal;

/**
 * Watches the bytes of the control connection as they are read, before they become lines, for a sign that the
 * client is aborting: the Telnet IP or Synch (IAC IP, IAC DM; RFC 959 §4.1.3 sends them before ABOR, the DM as TCP
 * urgent data, which arrives inline) or a line that starts with {@code ABOR}. An upload that reaches its end of
 * data while such bytes wait unhandled is not committed. Used by the reader of the moment ({@link ControlInput}),
 * except {@link #seen()}.
 */
final class AbortSignal {

    private static final int IAC = 0xFF;
    /** Telnet Interrupt Process (RFC 854). */
    private static final int IP = 0xF4;
    /** Telnet Data Mark, the urgent byte of the Synch (RFC 854). */
    private static final int DM = 0xF2;
    private static final byte[] ABOR = {'A', 'B', 'O', 'R'};
    /** {@link #matched} when the current line can no longer be ABOR. */
    private static final int NO_MATCH = -1;

    private volatile boolean seen;
    private boolean afterIac;
    /** How many letters of ABOR the current line started with. */
    private int matched;

    /**
     * Looks at bytes just read from the control connection.
     *
     * @param bytes  the buffer
     * @param off    the first byte read
     * @param length how many bytes were read
     */
    void scan(byte[] bytes, int off, int length) {
        for (int i = off; i < off + length; i++) {
            int b = bytes[i] & 0xFF;
            if (afterIac) {
                afterIac = false;
                if (b == IP || b == DM) {
                    seen = true;
                }
                continue; // a Telnet command is not part of the line (LineDecoder.stripTelnet)
            }
            if (b == IAC) {
                afterIac = true;
            } else if (b == '\n') {
                matched = 0;
            } else if (matched >= 0 && matched < ABOR.length) {
                matched = Character.toUpperCase(b) == ABOR[matched] ? matched + 1 : NO_MATCH;
                if (matched == ABOR.length) {
                    seen = true;
                }
            }
        }
    }

    /** Whether an abort sign was read since the last {@link #reset()}. */
    boolean seen() {
        return seen;
    }

    /** Forgets earlier signs (a new transfer starts); the next byte read starts a line. */
    void reset() {
        seen = false;
        afterIac = false;
        matched = 0;
    }
}
