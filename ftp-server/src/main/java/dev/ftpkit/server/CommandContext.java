package dev.ftpkit.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a command handler gets: the {@link FtpSession} view plus typed access to everything the built-in commands
 * use themselves (login, transfer parameters, data connections, TLS, the running transfer, the server's settings).
 * The built-ins in {@code dev.ftpkit.server.command} are written against this interface alone, so a decorator that
 * delegates every method (e.g. a {@link java.lang.reflect.Proxy}) can wrap any of them.
 *
 * <p>Handlers run on the session's thread, transfer commands on a transfer thread; the session never runs two
 * handlers at once except ABOR, STAT and NOOP beside a running transfer.
 */
public interface CommandContext extends FtpSession {

    /**
     * The server's configuration, read-only.
     *
     * @return the settings
     */
    ServerSettings settings();

    /**
     * USER/PASS state, authentication and the virtual host.
     *
     * @return the login state of this session
     */
    LoginControl login();

    /**
     * TYPE, REST, the pending RNFR and the HASH algorithm.
     *
     * @return the parameters of this session
     */
    TransferParameters parameters();

    /**
     * Preparing (PASV, EPSV, PORT, EPRT) and opening the next data connection.
     *
     * @return the data connections of this session
     */
    DataConnections dataConnections();

    /**
     * The FTPS state of the control and data connections (RFC 4217).
     *
     * @return the TLS state of this session
     */
    TlsControl tls();

    /**
     * The transfer command that runs or ran last, for ABOR and STAT.
     *
     * @return the transfer, empty before the first one
     */
    Optional<RunningTransfer> runningTransfer();

    /**
     * Normalizes a client path against the working directory, as text ({@code ..} above the home is refused).
     *
     * @param clientPath the path as the client sent it
     * @return the absolute FTP path, e.g. {@code "/docs/a.txt"}
     * @throws java.nio.file.AccessDeniedException if the path leaves the home
     * @throws IllegalStateException               before login
     */
    String ftpPath(String clientPath) throws IOException;

    /**
     * Finds a client path for an operation that must use exactly what the jail checked: where the file system has
     * directory handles, the path is reached through them one component at a time, so a directory swapped for a
     * symbolic link after the check is not followed.
     *
     * @param clientPath      the path as the client sent it
     * @param followFinalLink whether a link as the last segment is followed (reading) or is itself the object
     *                        (deleting, renaming, creating)
     * @return the path; the caller closes it
     * @throws java.nio.file.AccessDeniedException if the path or a link on it leads out of the home
     * @throws IOException                         if the file system fails
     */
    JailedPath locate(String clientPath, boolean followFinalLink) throws IOException;

    /**
     * Normalizes a client path like {@link #ftpPath(String)}, except that {@code ..} at the home stays at the home,
     * as {@code cd ..} does at a Unix root (CWD and CDUP: vsftpd, proftpd and pure-ftpd answer 250 and stay at
     * {@code /}).
     *
     * @param clientPath the path as the client sent it
     * @return the absolute FTP path, inside the home
     * @throws java.nio.file.AccessDeniedException if a segment is not acceptable
     */
    String ftpPathClampedAtHome(String clientPath) throws IOException;

    /**
     * Makes a directory the working directory; the caller checked that it exists.
     *
     * @param ftpPath an absolute FTP path as returned by {@link #ftpPath(String)}
     */
    void changeWorkingDirectory(String ftpPath);

    /**
     * Checks that a path under the home, built from a resolved one, does not lead out of the home through a
     * symbolic link.
     *
     * @param path a path of the session's file system
     * @return the same path
     * @throws java.nio.file.AccessDeniedException if it leads out of the home
     * @throws IOException                         if the file system fails
     */
    Path checkInsideHome(Path path) throws IOException;

    /**
     * Whether a directory entry that is a symbolic link points inside the home (listings show only those).
     *
     * @param link a symbolic link
     * @return true if it resolves inside the home
     */
    boolean linkStaysInside(Path link);

    /**
     * Asks the server's {@link ServerHook hooks} whether a file operation may happen.
     *
     * @param request the operation and its absolute FTP path(s)
     * @throws dev.ftpkit.core.FtpReplyException with the hook's reply if a hook denies it
     * @throws IOException                       if the control connection fails
     */
    void authorize(FileRequest request) throws IOException;

    /**
     * Tells the server's hooks that an upload was committed to its final name.
     *
     * @param event the upload
     * @throws IOException if the control connection fails
     */
    void uploadCommitted(UploadEvent event) throws IOException;

    /**
     * Fails if the client gave up on the running upload, which must then not be committed: an ABOR or Telnet
     * IP/Synch already sent (RFC 959 §4.1.3; a client may close the data connection normally after ABOR), or the
     * control connection closed (the client could never learn that the upload succeeded). Called by an upload at
     * the end of its data, before it replaces its target.
     *
     * @throws IOException a data connection failure (426) if the client gave up
     */
    void requireClientWaiting() throws IOException;

    /** Forgets the login and every transfer parameter (REIN, RFC 959 §4.1.1); the virtual host stays. */
    void reinitialize();

    /** Closes the control connection once the reply to the current command is sent (QUIT, too many failures). */
    void closeAfterReply();

    /**
     * Writes bytes to the control connection exactly as given, outside the reply encoding: for test fixtures that
     * show a client what no correct server sends (a garbled line, a reply cut in two). The handler's final reply
     * still follows.
     *
     * @param bytes the bytes, sent in one write
     * @throws IOException if the control connection fails
     */
    void sendRaw(byte[] bytes) throws IOException;

    /**
     * Ends the control connection at once with a TCP reset (SO_LINGER 0) rather than an orderly close: what a
     * crashed server or a middlebox dropping the connection looks like to the client. No further reply arrives.
     */
    void resetControlConnection();

    /**
     * The storage quota of the logged-in account, which the handlers that write or delete files keep up to date.
     *
     * @return the quota, {@link StorageQuota#UNLIMITED} without one (the default for other implementations)
     */
    default StorageQuota quota() {
        return StorageQuota.UNLIMITED;
    }
}
