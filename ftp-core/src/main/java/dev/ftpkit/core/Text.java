package dev.ftpkit.core;

/** Small character checks shared by the codecs (package-private). */
final class Text {
    private Text() {
    }

    /**
     * Tells whether a string holds a character that would break Telnet/FTP line framing:
     * CR, LF (RFC 959 §4.1.3: lines end with CRLF) or NUL (RFC 854: NUL is a Telnet NVT no-op,
     * and RFC 2640 §3.1 uses CR NUL to carry a bare CR).
     */
    static boolean hasLineBreakOrNul(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return true;
            }
        }
        return false;
    }

    /** Throws IllegalArgumentException naming {@code what} if the text holds CR, LF or NUL. */
    static String requireSingleLine(String s, String what) {
        if (hasLineBreakOrNul(s)) {
            throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
        }
        return s;
    }

    /** Whether every character is visible ASCII, 0x21 to 0x7E (no space, no control, nothing above 0x7E). */
    static boolean isVisibleAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * Parses 1..maxDigits ASCII digits (the whole string) as a decimal number, or returns -1.
     * Never accepts signs, spaces or non-ASCII digits (unlike Integer.parseInt).
     */
    static int parseDecimal(CharSequence s, int maxDigits) {
        if (s.length() < 1 || s.length() > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Shortens untrusted input for inclusion in an exception message. */
    static String excerpt(CharSequence s) {
        String t = s.length() > 60 ? s.subSequence(0, 60) + "..." : s.toString();
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return "\"" + b + "\"";
    }
}
