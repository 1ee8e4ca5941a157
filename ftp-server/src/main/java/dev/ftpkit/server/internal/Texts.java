package dev.ftpkit.server.internal;

/** Makes untrusted text (file names, client input) safe to echo in a reply or listing line. */
public final class Texts {
    private Texts() {
    }

    /**
     * Replaces CR, LF, NUL and other C0 controls with {@code ?}, so a name can never end a reply line early or
     * forge a second reply (CVE-2008-4242 class).
     *
     * @param text untrusted text
     * @return the text on one line
     */
    public static String oneLine(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        appendReplacingControls(b, text, first);
        return b.toString();
    }

    /**
     * Appends {@link #oneLine(String)} of the text without making a new string.
     *
     * @param out  where to append
     * @param text untrusted text
     */
    public static void appendOneLine(StringBuilder out, String text) {
        int first = firstControl(text);
        if (first < 0) {
            out.append(text); // the usual name: one copy, not one append call per character (a listing's hot path)
        } else {
            appendReplacingControls(out, text, first);
        }
    }

    /** The index of the first C0 control or DEL in the text, or -1. */
    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void appendReplacingControls(StringBuilder out, String text, int first) {
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? '?' : c);
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    /**
     * Whether the name holds CR, LF or NUL, which no line-based listing can carry.
     *
     * @param name a file name
     * @return true if it holds one of them
     */
    public static boolean hasLineBreak(String name) {
        return name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\0') >= 0;
    }

    /**
     * At most {@code max} characters of the text, for log lines and error replies.
     *
     * @param text the text
     * @param max  the most characters kept
     * @return the text, cut with {@code ...} if longer
     */
    public static String excerpt(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
