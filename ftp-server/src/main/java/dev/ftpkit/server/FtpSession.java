package dev.ftpkit.server;

import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The typed view of one client session that listeners and hooks get; command handlers get the wider
 * {@link CommandContext}.
 */
public interface FtpSession {

    /**
     * A short identifier for logs, unique within the server.
     *
     * @return e.g. {@code "7"}
     */
    String id();

    /**
     * The client's end of the control connection.
     *
     * @return the address and port
     */
    InetSocketAddress clientAddress();

    /**
     * The server's end of the control connection.
     *
     * @return the address and port
     */
    InetSocketAddress serverAddress();

    /**
     * The logged-in account.
     *
     * @return the account, empty before login
     */
    Optional<Account> account();

    /**
     * The virtual host chosen with HOST (RFC 7151).
     *
     * @return its name, empty for the default host
     */
    Optional<String> virtualHost();

    /**
     * The working directory, as the client sees it.
     *
     * @return an absolute FTP path such as {@code "/"} or {@code "/docs"}
     */
    String workingDirectory();

    /**
     * Resolves a path given by the client (absolute or relative to the working directory) to a path of the
     * session's file system, inside the account's home. {@code ..} above the home and symbolic links leading
     * out of the root are refused.
     *
     * @param ftpPath the path as the client sent it
     * @return the resolved path (it may not exist)
     * @throws java.nio.file.AccessDeniedException if the path leaves the home
     * @throws IOException                         if the file system fails
     * @throws IllegalStateException               before login
     */
    Path resolve(String ftpPath) throws IOException;

    /**
     * Fails unless the account holds the permission.
     *
     * @param permission the permission
     * @throws dev.ftpkit.core.FtpReplyException 550 if it is missing (or 530 before login)
     */
    void requirePermission(Permission permission) throws dev.ftpkit.core.FtpReplyException;

    /**
     * Whether TYPE A (ASCII) is in effect, rather than TYPE I.
     *
     * @return true for ASCII
     */
    boolean asciiType();

    /**
     * Sends a reply before the final one, e.g. a 1xx reply or a line of progress.
     *
     * @param reply the reply
     * @throws IOException if the control connection fails
     */
    void send(Reply reply) throws IOException;

    /**
     * Opens the data connection prepared by PASV/EPSV/PORT/EPRT and sends
     * {@code 150 Opening data connection for <what>}. The handler must be registered as a transfer
     * ({@link CommandDescriptor#transfer(CommandHandler)}) and return the final 226 reply after closing it.
     *
     * @param what what is transferred, shown in the 150 reply
     * @return the open connection
     * @throws dev.ftpkit.core.FtpReplyException 425 if no data connection was prepared or it could not be opened
     * @throws IOException                       if the control connection fails
     */
    DataConnection openDataConnection(String what) throws IOException;
}
