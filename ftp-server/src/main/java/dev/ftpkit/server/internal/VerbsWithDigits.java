package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.CommandParser;
import dev.ftpkit.core.FtpProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Workaround: {@code dev.ftpkit.core.Command} accepts only letters in a verb, but XSHA256, XSHA1 and XMD5 have
 * digits. Such a line is looked up by its real verb; the handler gets a {@link Command} whose verb is the
 * letters only ({@code XSHA}). Remove once core accepts digits after the first letter.
 */
final class VerbsWithDigits {

    private VerbsWithDigits() {
    }

    /** The real verb of a line whose verb has digits, upper-cased (only called after {@link #parse} succeeded). */
    static String verb(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** The command for a line whose verb is letters then digits, e.g. {@code XSHA256 file}. */
    static Optional<Command> parse(byte[] line) {
        int end = 0;
        while (end < line.length && line[end] != ' ') {
            end++;
        }
        String verb = new String(line, 0, end, StandardCharsets.US_ASCII);
        if (!verb.matches("[A-Za-z]+[0-9]+") || verb.length() > 16) {
            return Optional.empty();
        }
        byte[] rewritten = line.clone();
        int letters = verb.replaceAll("[0-9]", "").length();
        for (int i = letters; i < end; i++) {
            rewritten[i] = 'X'; // keep the length; the letters-only verb is cut below
        }
        try {
            Command parsed = CommandParser.parse(rewritten, StandardCharsets.UTF_8);
            return Optional.of(Command.of(verb.substring(0, letters), parsed.argument()));
        } catch (FtpProtocolException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
