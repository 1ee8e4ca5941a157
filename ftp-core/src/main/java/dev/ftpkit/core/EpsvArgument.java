package dev.ftpkit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The argument of EPSV (RFC 2428 §3): none, {@code ALL}, or a network protocol number. Unknown
 * numbers are kept so that the server can answer 522.
 *
 * @param kind           which form the argument has
 * @param protocolNumber the protocol number for {@link Kind#PROTOCOL} (1..65535), else 0
 */
public record EpsvArgument(Kind kind, int protocolNumber) {
    /** EPSV without argument. */
    public static final EpsvArgument NONE = new EpsvArgument(Kind.NONE, 0);
    /** {@code EPSV ALL}: from now on only EPSV is used for data connections (RFC 2428 §4). */
    public static final EpsvArgument ALL = new EpsvArgument(Kind.ALL, 0);

    /** The forms of the EPSV argument. */
    public enum Kind {
        /** No argument. */
        NONE,
        /** {@code ALL}. */
        ALL,
        /** A network protocol number. */
        PROTOCOL
    }

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if the number does not fit the kind
     */
    public EpsvArgument {
        Objects.requireNonNull(kind, "kind");
        boolean ok = kind == Kind.PROTOCOL ? protocolNumber >= 1 && protocolNumber <= 65535 : protocolNumber == 0;
        if (!ok) {
            throw new IllegalArgumentException("bad protocol number " + protocolNumber + " for " + kind);
        }
    }

    /**
     * Returns the argument naming a protocol.
     *
     * @param number the protocol number, 1..65535
     * @return the argument
     * @throws IllegalArgumentException if the number is out of range
     */
    public static EpsvArgument protocol(int number) {
        return new EpsvArgument(Kind.PROTOCOL, number);
    }

    /**
     * Returns the argument naming a protocol.
     *
     * @param protocol the protocol
     * @return the argument
     */
    public static EpsvArgument protocol(NetworkProtocol protocol) {
        return protocol(protocol.number());
    }

    /**
     * Returns the named protocol if it is one this library knows.
     *
     * @return the protocol, or empty for NONE, ALL and unknown numbers
     */
    public Optional<NetworkProtocol> protocol() {
        return kind == Kind.PROTOCOL ? NetworkProtocol.ofNumber(protocolNumber) : Optional.empty();
    }

    /**
     * Returns the argument as sent after {@code EPSV}.
     *
     * @return {@code ""}, {@code "ALL"} or the number
     */
    public String encode() {
        switch (kind) {
            case ALL:
                return "ALL";
            case PROTOCOL:
                return Integer.toString(protocolNumber);
            default:
                return "";
        }
    }
}
