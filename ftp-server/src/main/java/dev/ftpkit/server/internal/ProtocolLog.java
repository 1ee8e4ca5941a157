package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The protocol transcript through {@link System.Logger}, under the stable logger name
 * {@value #PROTOCOL_LOGGER}: each command received and each reply sent at DEBUG, prefixed with the client's
 * address and port. Passwords are masked ({@link Command#toString()}: PASS and ACCT). Nothing is formatted unless
 * DEBUG is enabled.
 */
public final class ProtocolLog {

    /** The transcript's logger name, documented in the README; do not rename. */
    static final String PROTOCOL_LOGGER = "dev.ftpkit.server.protocol";
    /** Session events (connected, logged in, ended, failed); documented in the README; do not rename. */
    public static final String SESSION_LOGGER = "dev.ftpkit.server.session";

    private static final System.Logger PROTOCOL = System.getLogger(PROTOCOL_LOGGER);

    private ProtocolLog() {
    }

    public static void received(SocketAddress client, Command command) {
        if (PROTOCOL.isLoggable(System.Logger.Level.DEBUG)) {
            PROTOCOL.log(System.Logger.Level.DEBUG, peer(client) + " > " + command);
        }
    }

    static void sent(SocketAddress client, Reply reply) {
        if (PROTOCOL.isLoggable(System.Logger.Level.DEBUG)) {
            PROTOCOL.log(System.Logger.Level.DEBUG, peer(client) + " < " + reply.encode().strip());
        }
    }

    public static String peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort() : String.valueOf(address);
    }
}
