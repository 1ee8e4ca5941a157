package dev.ftpkit.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin console shows of one session at one moment ({@link FtpServer#sessions()}): an immutable snapshot.
 *
 * @param id            the session's identifier, for {@link FtpServer#closeSession(String)}
 * @param clientAddress the client's end of the control connection
 * @param user          the logged-in account's name, empty before login
 * @param connectedAt   when the control connection was accepted
 * @param command       the command being handled, password masked ({@code "PASS ****"}), or the running transfer's;
 *                      empty when the session waits for the client
 * @param transfer      the running transfer, if one runs
 */
public record SessionInfo(String id, InetSocketAddress clientAddress, Optional<String> user, Instant connectedAt,
                          String command, Optional<Transfer> transfer) {

    /**
     * A running transfer.
     *
     * @param verb  e.g. {@code "STOR"}
     * @param path  the path as the client named it
     * @param bytes bytes moved on the data connection so far
     */
    public record Transfer(String verb, String path, long bytes) {
    }

    /**
     * Checks that nothing is null.
     *
     * @throws NullPointerException if a component is null
     */
    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(transfer, "transfer");
    }
}
