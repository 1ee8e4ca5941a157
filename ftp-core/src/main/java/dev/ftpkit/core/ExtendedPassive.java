package dev.ftpkit.core;

import java.util.Collections;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * EPSV and its replies (RFC 2428 §3): {@code 229 Entering Extended Passive Mode (|||6446|)},
 * and the 522 reply listing the supported network protocols (RFC 2428 §2, §3).
 */
public final class ExtendedPassive {
    private static final String TEXT = "Entering Extended Passive Mode (|||";

    private ExtendedPassive() {
    }

    /**
     * Finds the port in a 229 reply text: the first {@code (} followed by a delimiter (ASCII
     * 33..126, not a digit), two empty fields, the port 1..65535 and the delimiter again.
     *
     * @param replyText e.g. {@code Entering Extended Passive Mode (|||6446|)}
     * @return the port
     * @throws FtpProtocolException if no such port is found
     */
    public static int parseReply(String replyText) throws FtpProtocolException {
        for (int open = replyText.indexOf('('); open >= 0; open = replyText.indexOf('(', open + 1)) {
            int port = portAfter(replyText, open + 1);
            if (port > 0) {
                return port;
            }
        }
        throw new FtpProtocolException("no (|||port|) in extended passive reply " + Text.excerpt(replyText));
    }

    /** Reads {@code d d d port d} at {@code i}; returns the port, or -1. */
    private static int portAfter(String s, int i) {
        if (i + 4 >= s.length()) {
            return -1;
        }
        char d = s.charAt(i);
        if (d < 33 || d > 126 || Text.isAsciiDigit(d) || s.charAt(i + 1) != d || s.charAt(i + 2) != d) {
            return -1;
        }
        int start = i + 3;
        int end = start;
        while (end < s.length() && end - start <= 5 && Text.isAsciiDigit(s.charAt(end))) {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != d) {
            return -1;
        }
        int port = Text.parseDecimal(s.subSequence(start, end), 5);
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /**
     * Returns the text of a 229 reply.
     *
     * @param port the listening port, 1..65535
     * @return e.g. {@code Entering Extended Passive Mode (|||6446|)}
     * @throws IllegalArgumentException if the port is out of range
     */
    public static String replyText(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        return TEXT + port + "|)";
    }

    /**
     * Returns the 229 reply.
     *
     * @param port the listening port, 1..65535
     * @return the reply
     * @throws IllegalArgumentException if the port is out of range
     */
    public static Reply reply(int port) {
        return Reply.of(ReplyCodes.ENTERING_EXTENDED_PASSIVE, replyText(port));
    }

    /**
     * Parses the argument of EPSV: empty (or blank), {@code ALL} in any case, or a decimal
     * protocol number 1..65535 (kept even if unknown, so the server can answer 522).
     *
     * @param argument the argument
     * @return the parsed argument
     * @throws FtpProtocolException if the argument is none of these
     */
    public static EpsvArgument parseArgument(String argument) throws FtpProtocolException {
        String a = argument.strip();
        if (a.isEmpty()) {
            return EpsvArgument.NONE;
        }
        if (a.equalsIgnoreCase("ALL")) {
            return EpsvArgument.ALL;
        }
        int number = Text.parseDecimal(a, 5);
        if (number < 1 || number > 65535) {
            throw new FtpProtocolException("EPSV argument must be empty, ALL or a protocol number: "
                    + Text.excerpt(argument));
        }
        return EpsvArgument.protocol(number);
    }

    /**
     * Returns the 522 reply naming the supported protocols (RFC 2428 §2).
     *
     * @param supported the supported protocols, not empty
     * @return e.g. {@code 522 Network protocol not supported, use (1,2)}
     * @throws IllegalArgumentException if the set is empty
     */
    public static Reply unsupportedProtocolReply(Set<NetworkProtocol> supported) {
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("at least one supported protocol");
        }
        StringJoiner list = new StringJoiner(",", "(", ")");
        new TreeSet<>(supported).forEach(p -> list.add(Integer.toString(p.number())));
        return Reply.of(ReplyCodes.NETWORK_PROTOCOL_NOT_SUPPORTED, "Network protocol not supported, use " + list);
    }

    /**
     * Reads the protocol numbers from a 522 reply text, e.g. {@code (1,2)} (client side):
     * the first parenthesized, comma-separated list of decimal numbers.
     *
     * @param replyText e.g. {@code Network protocol not supported, use (1,2)}
     * @return the numbers, in ascending order, unmodifiable
     * @throws FtpProtocolException if no such list is found
     */
    public static Set<Integer> parseSupportedProtocols(String replyText) throws FtpProtocolException {
        int open = -1;
        for (int i = 0; i < replyText.length(); i++) {
            char c = replyText.charAt(i);
            if (c == '(') {
                open = i;
            } else if (c == ')' && open >= 0) {
                Set<Integer> numbers = numbers(replyText.substring(open + 1, i));
                if (numbers != null) {
                    return numbers;
                }
                open = -1;
            }
        }
        throw new FtpProtocolException("no (n,...) protocol list in " + Text.excerpt(replyText));
    }

    private static Set<Integer> numbers(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : list.split(",", -1)) {
            int n = Text.parseDecimal(part.strip(), 5);
            if (n < 0) {
                return null;
            }
            out.add(n);
        }
        return Collections.unmodifiableSet(out);
    }
}
