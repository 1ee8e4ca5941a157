package dev.ftpkit.core;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 address and a port as carried by PORT and the 227 reply to PASV (RFC 959 §4.1.2:
 * {@code h1,h2,h3,h4,p1,p2}, each a decimal 0..255, port = p1 * 256 + p2).
 *
 * @param address an IPv4 address ({@link Inet4Address})
 * @param port    0..65535
 */
public record HostPort(InetAddress address, int port) {

    /**
     * Validates the address and port.
     *
     * @throws IllegalArgumentException if the address is not IPv4 or the port not 0..65535
     */
    public HostPort {
        Objects.requireNonNull(address, "address");
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("PORT/PASV carry IPv4 addresses only: " + address);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /**
     * Parses a PORT argument: exactly six comma-separated decimal numbers 0..255; spaces around
     * the numbers are tolerated.
     *
     * @param argument e.g. {@code 192,168,1,100,5,67}
     * @return the host and port, e.g. 192.168.1.100 port 1347 (5 * 256 + 67)
     * @throws FtpProtocolException if the argument is not six numbers 0..255
     */
    public static HostPort parsePortArgument(String argument) throws FtpProtocolException {
        String[] parts = argument.split(",", -1);
        if (parts.length != 6) {
            throw new FtpProtocolException("PORT argument needs six comma-separated numbers: "
                    + Text.excerpt(argument));
        }
        int[] numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            numbers[i] = Text.parseDecimal(parts[i].strip(), 3);
            if (numbers[i] < 0 || numbers[i] > 255) {
                throw new FtpProtocolException("PORT argument numbers must be 0..255: " + Text.excerpt(argument));
            }
        }
        return fromNumbers(numbers);
    }

    /**
     * Finds the host and port in a 227 reply text. RFC 1123 §4.1.2.6: the client must scan for
     * the first digit of the six numbers, the parentheses are not guaranteed; so the first run of
     * six comma-separated numbers 0..255 anywhere in the text is taken (spaces around commas are
     * tolerated).
     *
     * @param replyText e.g. {@code Entering Passive Mode (192,168,1,200,192,100)}
     * @return the host and port, e.g. 192.168.1.200 port 49252 (192 * 256 + 100)
     * @throws FtpProtocolException if no such run exists
     */
    public static HostPort parsePassiveReply(String replyText) throws FtpProtocolException {
        int[] numbers = new int[6];
        for (int i = 0; i < replyText.length(); i++) {
            boolean startsNumber = Text.isAsciiDigit(replyText.charAt(i))
                    && (i == 0 || !Text.isAsciiDigit(replyText.charAt(i - 1)));
            if (startsNumber && scanSix(replyText, i, numbers)) {
                return fromNumbers(numbers);
            }
        }
        throw new FtpProtocolException("no h1,h2,h3,h4,p1,p2 in passive reply " + Text.excerpt(replyText));
    }

    /** Reads six comma-separated numbers 0..255 from {@code from}; each attempt reads a bounded span. */
    private static boolean scanSix(String s, int from, int[] numbers) {
        int i = from;
        for (int n = 0; n < 6; n++) {
            if (n > 0) {
                i = skipSpaces(s, i);
                if (i >= s.length() || s.charAt(i) != ',') {
                    return false;
                }
                i = skipSpaces(s, i + 1);
            }
            int start = i;
            while (i < s.length() && Text.isAsciiDigit(s.charAt(i)) && i - start < 4) {
                i++;
            }
            int value = Text.parseDecimal(s.subSequence(start, i), 3);
            if (value < 0 || value > 255) {
                return false;
            }
            numbers[n] = value;
        }
        return i >= s.length() || !Text.isAsciiDigit(s.charAt(i));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static HostPort fromNumbers(int[] n) {
        byte[] ip = {(byte) n[0], (byte) n[1], (byte) n[2], (byte) n[3]};
        try {
            return new HostPort(InetAddress.getByAddress(ip), n[4] * 256 + n[5]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /**
     * Returns the PORT argument form.
     *
     * @return e.g. {@code 192,168,1,100,5,67}
     */
    public String toPortArgument() {
        byte[] ip = address.getAddress();
        return (ip[0] & 0xFF) + "," + (ip[1] & 0xFF) + "," + (ip[2] & 0xFF) + "," + (ip[3] & 0xFF)
                + "," + (port >> 8) + "," + (port & 0xFF);
    }

    /**
     * Returns the text of a 227 reply.
     *
     * @return e.g. {@code Entering Passive Mode (192,168,1,200,192,100).}
     */
    public String toPassiveReplyText() {
        return "Entering Passive Mode (" + toPortArgument() + ").";
    }

    /**
     * Returns the 227 reply (RFC 959 §4.1.2 PASV, §4.2.2).
     *
     * @return the reply
     */
    public Reply toPassiveReply() {
        return Reply.of(ReplyCodes.ENTERING_PASSIVE, toPassiveReplyText());
    }

    /**
     * Returns a socket address for connecting (no DNS lookup: the address is a literal).
     *
     * @return the socket address
     */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + ":" + port;
    }
}
