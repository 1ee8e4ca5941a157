package dev.ftpkit.server.observe;

/**
 * Writes one JSON object on one line (RFC 8259): string values escaped so that no value can end the line or the
 * string early.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder(160).append('{');

    JsonLine add(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    JsonLine add(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    private void key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        string(name);
        out.append(':');
    }

    /** RFC 8259 §7: quote, backslash and the control characters U+0000..U+001F must be escaped. */
    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c)); // U+2028/9 break lines in some readers
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
