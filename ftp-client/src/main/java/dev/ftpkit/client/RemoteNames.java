package dev.ftpkit.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.io.ByteArrayOutputStream;

/**
 * Remote names as the server's bytes: a lossless text codec for the control connection and listings: bytes that do not decode in the session's charset
 * become the lone low surrogates U+DC80..U+DCFF (the "surrogate escape" idea: a valid decoding never yields a lone
 * surrogate), and encoding turns each such char back into its byte. So a name listed as {@code lat\xE9.txt} by a
 * server using UTF-8 travels back to the server as the same bytes, whatever they are, and {@code retrieve} of a listed
 * name works in any encoding (issue 20 item 2).
 */
public final class RemoteNames {

    /** The first char of the escape range; {@code ESCAPE_BASE + (byte & 0xFF)}. */
    private static final char ESCAPE_BASE = '\uDC00';
    private static final char ESCAPE_FIRST = '\uDC80';
    private static final char ESCAPE_LAST = '\uDCFF';

    private RemoteNames() {
    }

    /**
     * Decodes bytes, escaping each byte that does not decode.
     *
     * @param bytes   the bytes
     * @param charset the charset
     * @return the text; encoding it with {@link #encode} gives back {@code bytes}
     */
    public static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 16);
        // Bounded: every turn consumes input or grows the output.
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
                continue;
            }
            for (int i = 0; i < result.length(); i++) {
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                int b = in.get() & 0xFF;
                out.put(b >= 0x80 ? (char) (ESCAPE_BASE + b) : (char) b);
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return out.toString();
    }

    /**
     * Encodes text, turning escaped bytes back into their bytes.
     *
     * @param text    the text
     * @param charset the charset
     * @return the bytes
     * @throws CharacterCodingException when a char of the text has no encoding in the charset (a name that this
     *                                  server's encoding cannot hold: sending a replacement would name another file)
     */
    public static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (end || isEscapeAt(text, i)) {
                if (i > start) {
                    ByteBuffer run = encoder.encode(CharBuffer.wrap(text, start, i));
                    out.write(run.array(), run.arrayOffset() + run.position(), run.remaining());
                }
                if (!end) {
                    out.write(text.charAt(i) - ESCAPE_BASE);
                }
                start = i + 1;
            }
        }
        return out.toByteArray();
    }

    /**
     * Whether text holds escaped bytes (bytes the session's charset could not decode).
     *
     * @param text the text
     * @return whether a char of it is an escaped byte
     */
    public static boolean hasEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscapeAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text for people: each escaped byte shown as {@code \xHH}.
     *
     * @param text the text
     * @return the text with escapes made visible
     */
    public static String printable(String text) {
        if (!hasEscapes(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isEscapeAt(text, i)) {
                b.append(String.format("\\x%02X", c - ESCAPE_BASE));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A lone low surrogate in the escape range; one after a high surrogate is half of a real character. */
    private static boolean isEscapeAt(String text, int i) {
        char c = text.charAt(i);
        return c >= ESCAPE_FIRST && c <= ESCAPE_LAST && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
    }
}
