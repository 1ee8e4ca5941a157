package dev.ftpkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An FTP command: a verb and an argument (RFC 959 §5.3: the verb is alphabetic, separated from
 * the argument by one space, the line ends with CRLF).
 *
 * @param verb     1..16 ASCII letters and digits starting with a letter (e.g. {@code XSHA256}), stored upper-cased
 * @param argument the argument, {@code ""} when there is none; kept byte-exact (spaces included)
 */
public record Command(String verb, String argument) {
    /** Longest accepted verb. */
    public static final int MAX_VERB_LENGTH = 16;

    /**
     * Validates and upper-cases the verb.
     *
     * @throws IllegalArgumentException if the verb is not 1..16 ASCII letters and digits starting with a letter, or the argument
     *                                  contains CR, LF or NUL
     */
    public Command {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(argument, "argument");
        if (!isValidVerb(verb)) {
            throw new IllegalArgumentException("verb must be 1.." + MAX_VERB_LENGTH + " ASCII letters and digits, starting with a letter: "
                    + Text.excerpt(verb));
        }
        verb = verb.toUpperCase(Locale.ROOT);
        Text.requireSingleLine(argument, "command argument");
    }

    /**
     * Creates a command without argument.
     *
     * @param verb the verb, e.g. {@code "PASV"}
     * @return the command
     * @throws IllegalArgumentException if the verb is not acceptable
     */
    public static Command of(String verb) {
        return new Command(verb, "");
    }

    /**
     * Creates a command with an argument.
     *
     * @param verb     the verb, e.g. {@code "RETR"}
     * @param argument the argument, {@code ""} for none
     * @return the command
     * @throws IllegalArgumentException if the verb or argument is not acceptable
     */
    public static Command of(String verb, String argument) {
        return new Command(verb, argument);
    }

    static boolean isValidVerb(CharSequence verb) {
        if (verb.length() < 1 || verb.length() > MAX_VERB_LENGTH) {
            return false;
        }
        // RFC 959 verbs are alphabetic; widely used extensions (XSHA256, XSHA1, XMD5) add digits
        // after the first letter, so a verb is a letter followed by letters or digits.
        if (!Text.isAsciiLetter(verb.charAt(0))) {
            return false;
        }
        for (int i = 1; i < verb.length(); i++) {
            char c = verb.charAt(i);
            if (!Text.isAsciiLetter(c) && !Text.isAsciiDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether the argument is not empty.
     *
     * @return true if there is an argument
     */
    public boolean hasArgument() {
        return !argument.isEmpty();
    }

    /**
     * Returns the wire form: {@code "VERB argument\r\n"}, or {@code "VERB\r\n"} without argument.
     *
     * @return the encoded command line
     */
    public String encode() {
        return hasArgument() ? verb + ' ' + argument + "\r\n" : verb + "\r\n";
    }

    /**
     * Returns the command for logs, with the argument of PASS (a password) and of ACCT (account information, often
     * a second password, RFC 959 §4.1.1) masked.
     *
     * @return e.g. {@code "RETR a.txt"}, {@code "PASS ****"} or {@code "ACCT ****"}
     */
    @Override
    public String toString() {
        if (!hasArgument()) {
            return verb;
        }
        return verb.equals("PASS") || verb.equals("ACCT") ? verb + " ****" : verb + ' ' + argument;
    }
}
