package dev.ftpkit.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Parses command lines as a server receives them (RFC 959 §5.3: {@code VERB SP argument CRLF}).
 * The verb is everything up to the first space, matched case-insensitively; the argument is
 * everything after that one space, byte-exact, so names with inner or trailing spaces survive.
 */
public final class CommandParser {
    private CommandParser() {
    }

    /**
     * Parses one command line (without line end; a trailing CR is tolerated).
     *
     * @param line the line
     * @return the command
     * @throws FtpProtocolException if the line is empty, the verb is not 1..16 ASCII letters and digits starting with a letter, or
     *                              the line holds CR, LF or NUL (a CR in a pathname, sent as
     *                              CR NUL per RFC 2640 §3.1, is not supported)
     */
    public static Command parse(String line) throws FtpProtocolException {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (l.isEmpty()) {
            throw new FtpProtocolException("empty command line");
        }
        if (Text.hasLineBreakOrNul(l)) {
            throw new FtpProtocolException("command line contains CR, LF or NUL");
        }
        int space = l.indexOf(' ');
        String verb = space < 0 ? l : l.substring(0, space);
        if (!Command.isValidVerb(verb)) {
            throw new FtpProtocolException("command verb must be 1.." + Command.MAX_VERB_LENGTH
                    + " ASCII letters and digits, starting with a letter: " + Text.excerpt(verb));
        }
        return new Command(verb, space < 0 ? "" : l.substring(space + 1));
    }

    /**
     * Parses one command line given as bytes: removes Telnet commands first
     * ({@link LineDecoder#stripTelnet(byte[])}), then decodes strictly with the charset.
     *
     * @param line    the line's bytes, without line end (a trailing CR is tolerated)
     * @param charset the control connection's charset, e.g. UTF-8 (RFC 2640)
     * @return the command
     * @throws FtpProtocolException if the bytes are not valid in the charset or the line is
     *                              not a command
     */
    public static Command parse(byte[] line, Charset charset) throws FtpProtocolException {
        byte[] plain = LineDecoder.stripTelnet(line);
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FtpProtocolException("command line is not valid " + charset.name(), e);
        }
        return parse(text);
    }
}
