package dev.ftpkit.client.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The protocol transcript through {@link System.Logger}, under the stable logger name {@value #LOGGER}: each
 * command sent and each reply received at DEBUG, prefixed with the server's address and port. Passwords are masked
 * ({@link Command#toString()}: PASS and ACCT). Nothing is formatted unless DEBUG is enabled.
 */
final class ProtocolLog {

    /** The transcript's logger name, documented in the README; do not rename. */
    static final String LOGGER = "dev.ftpkit.client.protocol";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    private ProtocolLog() {
    }

    static void sent(SocketAddress server, Command command) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, peer(server) + " > " + command);
        }
    }

    static void received(SocketAddress server, Reply reply) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, peer(server) + " < " + reply.encode().strip());
        }
    }

    private static String peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort() : String.valueOf(address);
    }
}
