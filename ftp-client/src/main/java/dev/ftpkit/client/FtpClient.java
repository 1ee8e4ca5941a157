package dev.ftpkit.client;

import dev.ftpkit.client.internal.ClientSession;
import dev.ftpkit.client.internal.ServerHashes;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.list.ListEntry;

import javax.net.ssl.SSLSession;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One FTP control connection and the operations on it (RFC 959 and its extensions).
 *
 * <p><b>Threads:</b> a client is used by one thread at a time; it is not safe for concurrent use. Open one
 * client per thread for parallel transfers. While a stream returned by {@link #retrieve(String)} or
 * {@link #store(String)} is open, the only other calls allowed are {@link #abort()} and {@link #close()}.
 *
 * <p><b>Errors:</b> a negative reply (4yz/5yz) throws {@link dev.ftpkit.core.FtpReplyException}, which carries
 * the reply; a garbled reply throws {@link dev.ftpkit.core.FtpProtocolException}; a failed transfer throws
 * {@link FtpTransferException}; a reply timeout throws {@link java.net.SocketTimeoutException} and closes the
 * connection. A {@code 421} reply at any time closes the connection and throws. Path names containing CR, LF or
 * NUL are refused with {@link IllegalArgumentException} before anything is sent.
 *
 * <pre>{@code
 * try (FtpClient ftp = FtpClient.connect("ftp.example.com", 21)) {
 *     ftp.login("user", "secret");
 *     ftp.retrieve("/pub/file.bin", Path.of("file.bin"));
 * }
 * }</pre>
 */
public interface FtpClient extends Closeable {

    /**
     * Connects with the default configuration.
     *
     * @param host the server's host name or address
     * @param port the control port
     * @return the connected client, greeting read
     * @throws IOException if connecting fails or the greeting is negative
     */
    static FtpClient connect(String host, int port) throws IOException {
        return connect(FtpClientConfig.defaults(), host, port);
    }

    /**
     * Connects with the given configuration. With {@link FtpClientConfig#tls() TLS} configured the control connection
     * is secure before this returns: the handshake comes first (implicit) or after {@code AUTH TLS} (explicit), and
     * a server refusing {@code AUTH TLS} fails the call, so no credentials are ever sent in the clear.
     *
     * @param config the configuration
     * @param host   the server's host name or address
     * @param port   the control port
     * @return the connected client, greeting read
     * @throws IOException if connecting fails or the greeting is negative
     */
    static FtpClient connect(FtpClientConfig config, String host, int port) throws IOException {
        return ClientSession.open(config, host, port);
    }

    /**
     * Returns the configuration this client was made with.
     *
     * @return the configuration
     */
    FtpClientConfig config();

    /**
     * Returns the server's greeting (the 220 reply).
     *
     * @return the greeting
     */
    Reply greeting();

    /**
     * Returns the control connection's TLS session while the control connection is encrypted: the negotiated
     * protocol, cipher suite and the server's certificates.
     *
     * @return the session, or empty for plain FTP and after {@code CCC}
     */
    Optional<SSLSession> tlsSession();

    /**
     * Tells whether the control connection is open.
     *
     * @return false after {@link #close()}, {@link #quit()}, a 421 reply, a timeout or a broken connection
     */
    boolean isConnected();

    /**
     * Tells whether a transfer is open: a stream returned by {@link #retrieve(String)}, {@link #store(String)} or
     * {@link #append(String)} that is not closed yet. A connection pool discards a connection returned in that state.
     *
     * @return true while a transfer stream is open
     */
    boolean isTransferInProgress();

    /**
     * Logs in with USER and PASS (and HOST first when a virtual host is configured), then sets the transfer type.
     * Over TLS, {@code PBSZ 0} and {@code PROT P} (or {@code C}) follow, then {@code CCC} when configured.
     *
     * @param user     the user name
     * @param password the password
     * @throws IOException if the server refuses or asks for an account
     */
    void login(String user, String password) throws IOException;

    /**
     * Logs in with USER, PASS and ACCT when the server asks for an account (332).
     *
     * @param user     the user name
     * @param password the password
     * @param account  the account, sent only when asked for
     * @throws IOException if the server refuses
     */
    void login(String user, String password, String account) throws IOException;

    /**
     * Logs in as {@code anonymous} with the password {@code anonymous@}.
     *
     * @throws IOException if the server refuses
     */
    void loginAnonymous() throws IOException;

    /**
     * Returns the server's features (FEAT, RFC 2389), asked once and remembered; empty if FEAT is refused.
     *
     * @return the feature set
     * @throws IOException if the connection fails
     */
    FeatureSet features() throws IOException;

    /**
     * Returns the encoding of path names on the control connection and in listings: chosen after login (UTF-8 when
     * FEAT offers UTF8 and the configuration's encoding is automatic, see {@link FtpClientConfig#charsetAutomatic()}).
     * Bytes that do not decode in it survive as {@link RemoteNames} escapes, so a listed name always names its file.
     *
     * @return the charset in use
     */
    Charset charset();

    /**
     * Returns the system type (SYST).
     *
     * @return the text of the 215 reply, e.g. {@code "UNIX Type: L8"}
     * @throws IOException if the server refuses
     */
    String system() throws IOException;

    /**
     * Returns the working directory (PWD).
     *
     * @return the path from the 257 reply
     * @throws IOException if the server refuses
     */
    String workingDirectory() throws IOException;

    /**
     * Changes the working directory (CWD).
     *
     * @param path the directory
     * @throws IOException if the server refuses
     */
    void changeDirectory(String path) throws IOException;

    /**
     * Changes to the parent directory (CDUP).
     *
     * @throws IOException if the server refuses
     */
    void changeToParentDirectory() throws IOException;

    /**
     * Creates a directory (MKD).
     *
     * @param path the directory to create
     * @return the path the server reports in its 257 reply, or {@code path} when the reply names none
     * @throws IOException if the server refuses
     */
    String makeDirectory(String path) throws IOException;

    /**
     * Removes a directory (RMD).
     *
     * @param path the directory
     * @throws IOException if the server refuses
     */
    void removeDirectory(String path) throws IOException;

    /**
     * Deletes a file (DELE).
     *
     * @param path the file
     * @throws IOException if the server refuses
     */
    void delete(String path) throws IOException;

    /**
     * Renames a file or directory (RNFR, RNTO).
     *
     * @param from the existing name
     * @param to   the new name
     * @throws IOException if the server refuses either command
     */
    void rename(String from, String to) throws IOException;

    /**
     * Returns a file's size (SIZE, RFC 3659 §4), in the current transfer type.
     *
     * @param path the file
     * @return the size in bytes
     * @throws IOException if the server refuses or answers something that is not a number
     */
    long size(String path) throws IOException;

    /**
     * Returns a file's modification time (MDTM, RFC 3659 §3).
     *
     * @param path the file
     * @return the time (UTC)
     * @throws IOException if the server refuses or the time is garbled
     */
    Instant modificationTime(String path) throws IOException;

    /**
     * Sets a file's modification time (MFMT, draft-somers-ftp-mfxx).
     *
     * @param path the file
     * @param time the new time (whole seconds are sent)
     * @throws IOException if the server refuses
     */
    void setModificationTime(String path, Instant time) throws IOException;

    /**
     * Returns the facts of one file or directory (MLST, RFC 3659 §7).
     *
     * @param path the path
     * @return the entry
     * @throws IOException if the server refuses or the facts are garbled
     */
    MlsxEntry mlst(String path) throws IOException;

    /**
     * Lists a directory: MLSD when the server offers MLST, else LIST parsed by
     * {@link dev.ftpkit.core.list.ListParser} (the configuration's {@code listParser}s first). When no single format
     * understands every line, the server's SYST reply (asked once per connection) decides which formats are tried
     * first. Lines that no parser understands are returned as unparsed entries ({@link ListEntry#isParsed()} false),
     * never dropped. The entries name exactly what the directory holds: the directory itself and its parent (MLSD
     * {@code type=cdir} and {@code type=pdir}, RFC 3659 §7.5.1, and LIST's {@code .} and {@code ..}
     * directory lines) are left out.
     *
     * @param path the directory, or {@code ""} for the working directory
     * @return the entries in the server's order
     * @throws IOException if the server refuses or the transfer fails
     */
    List<ListEntry> list(String path) throws IOException;

    /**
     * Returns the raw lines of LIST.
     *
     * @param path the directory or file, or {@code ""} for the working directory
     * @return the lines, line ends removed
     * @throws IOException if the server refuses or the transfer fails
     */
    List<String> listLines(String path) throws IOException;

    /**
     * Lists names only (NLST).
     *
     * @param path the directory, or {@code ""} for the working directory
     * @return the names as the server sends them
     * @throws IOException if the server refuses or the transfer fails
     */
    List<String> listNames(String path) throws IOException;

    /**
     * Asks for the server's status (STAT without argument).
     *
     * @return the reply (211)
     * @throws IOException if the server refuses
     */
    Reply status() throws IOException;

    /**
     * Sends NOOP.
     *
     * @throws IOException if the server refuses
     */
    void noop() throws IOException;

    /**
     * Sends a SITE command.
     *
     * @param arguments the text after {@code SITE }
     * @return the reply
     * @throws IOException if the server refuses
     */
    Reply site(String arguments) throws IOException;

    /**
     * Sends any command and returns its final reply without judging it: a negative reply is returned, not thrown
     * (except 421, which closes the connection). Do not use it for commands that open data connections.
     *
     * @param verb     the verb, e.g. {@code "HELP"}
     * @param argument the argument; {@code ""} or {@code null} for none (the verb is sent alone)
     * @return the final reply (1xx replies before it are skipped)
     * @throws IOException if the connection fails
     * @throws NullPointerException if the verb is null
     */
    Reply sendCommand(String verb, String argument) throws IOException;

    /**
     * Returns the transfer type used for the next transfers.
     *
     * @return the type
     */
    TransferType transferType();

    /**
     * Sets the transfer type for the next transfers (TYPE is sent before the next transfer when it changes).
     *
     * @param type binary or ASCII
     */
    void setTransferType(TransferType type);

    /**
     * Tells whether the next transfers use MODE Z ({@link FtpClientConfig.Builder#modeZ(boolean)}).
     *
     * @return true for MODE Z
     */
    boolean modeZ();

    /**
     * Switches the next transfers (downloads, uploads and listings) to MODE Z, the deflate transmission mode
     * (draft-preston-ftpext-deflate), or back to MODE S. {@code MODE} is sent before the next transfer; a server
     * that refuses it makes that transfer fail with its reply ({@link dev.ftpkit.core.FtpReplyException}, e.g. 504 from a
     * server without MODE Z: {@link #features()} tells whether it offers {@code MODE Z}). REST is refused under
     * MODE Z, so resuming transfers need MODE S.
     *
     * @param deflate true for MODE Z, false for MODE S
     */
    void setModeZ(boolean deflate);

    /**
     * Downloads a file to a local file (RETR), replacing it.
     *
     * @param remote the remote file
     * @param local  the local file
     * @return the bytes received
     * @throws IOException if the server refuses or the transfer fails (the partial file stays)
     */
    long retrieve(String remote, Path local) throws IOException;

    /**
     * Downloads a file into a stream (RETR); the stream is not closed.
     *
     * @param remote the remote file
     * @param out    where the bytes go
     * @return the bytes received
     * @throws IOException if the server refuses or the transfer fails
     */
    long retrieve(String remote, OutputStream out) throws IOException;

    /**
     * Opens a download (RETR). Closing the stream at its end completes the transfer and checks the final reply;
     * closing it earlier aborts the transfer (ABOR) and leaves the connection usable.
     *
     * @param remote the remote file
     * @return the data
     * @throws IOException if the server refuses
     */
    InputStream retrieve(String remote) throws IOException;

    /**
     * Opens a download that starts at a byte offset (REST, RFC 3659 §5, then RETR); see {@link #retrieve(String)}.
     * Closing the stream before the end aborts the transfer, which is how a byte range is fetched.
     *
     * @param remote the remote file
     * @param offset the first byte to send (0: the whole file, no REST)
     * @return the data from {@code offset} on
     * @throws IOException if the server refuses REST or RETR
     */
    InputStream retrieve(String remote, long offset) throws IOException;

    /**
     * Asks the server for a file's hash with the best command its FEAT offers: HASH (draft-bryan-ftpext-hash,
     * choosing the strongest algorithm offered with {@code OPTS HASH}), else XSHA256, XSHA1, XMD5 or XCRC.
     *
     * @param path the remote file
     * @return the algorithm and value, or empty when the server offers none of these commands
     * @throws IOException if the server refuses (e.g. {@code 550} for a missing file) or the reply is garbled
     */
    default Optional<FileHash> hash(String path) throws IOException {
        return ServerHashes.ask(this, path);
    }

    /**
     * Resumes a download: sends {@code REST} with the local file's size, then RETR, appending to the local
     * file (which may be missing: then it is a full download). Offsets count bytes as stored, so resume in binary
     * type: in ASCII type the local and remote sizes differ by the line ends.
     *
     * @param remote the remote file
     * @param local  the partial local file
     * @return the bytes received by this call
     * @throws IOException if the server refuses REST or RETR or the transfer fails
     */
    long resumeRetrieve(String remote, Path local) throws IOException;

    /**
     * Uploads a local file (STOR), replacing the remote file.
     *
     * @param local  the local file
     * @param remote the remote file
     * @return the bytes sent
     * @throws IOException if the server refuses or the transfer fails
     */
    long store(Path local, String remote) throws IOException;

    /**
     * Uploads a stream's bytes (STOR); the stream is read to its end but not closed.
     *
     * @param in     the bytes
     * @param remote the remote file
     * @return the bytes sent
     * @throws IOException if the server refuses or the transfer fails
     */
    long store(InputStream in, String remote) throws IOException;

    /**
     * Opens an upload (STOR). Closing the stream completes the transfer and checks the final reply.
     *
     * @param remote the remote file
     * @return where to write the bytes
     * @throws IOException if the server refuses
     */
    OutputStream store(String remote) throws IOException;

    /**
     * Appends a local file to a remote file (APPE).
     *
     * @param local  the local file
     * @param remote the remote file
     * @return the bytes sent
     * @throws IOException if the server refuses or the transfer fails
     */
    long append(Path local, String remote) throws IOException;

    /**
     * Appends a stream's bytes to a remote file (APPE); the stream is not closed.
     *
     * @param in     the bytes
     * @param remote the remote file
     * @return the bytes sent
     * @throws IOException if the server refuses or the transfer fails
     */
    long append(InputStream in, String remote) throws IOException;

    /**
     * Opens an append (APPE). Closing the stream completes the transfer.
     *
     * @param remote the remote file
     * @return where to write the bytes
     * @throws IOException if the server refuses
     */
    OutputStream append(String remote) throws IOException;

    /**
     * Uploads under a name the server chooses (STOU, RFC 1123 §4.1.2.9).
     *
     * @param in the bytes; read to the end, not closed
     * @return the name the server reports (from the 1xx or 2xx reply text), or the whole reply text when the
     *     server names no file
     * @throws IOException if the server refuses or the transfer fails
     */
    String storeUnique(InputStream in) throws IOException;

    /**
     * Resumes an upload: asks SIZE of the remote file, then sends the rest of the local file with REST + STOR when
     * the server offers {@code REST STREAM}, else with APPE. A missing remote file means a full upload. Use binary
     * type (see {@link #resumeRetrieve(String, Path)}).
     *
     * @param local  the local file
     * @param remote the remote file
     * @return the bytes sent by this call
     * @throws IOException if the server refuses, the remote file is larger than the local one, or the transfer fails
     */
    long resumeStore(Path local, String remote) throws IOException;

    /**
     * Aborts the transfer in progress (RFC 959 §4.1.3: Telnet IP and Synch, then ABOR), accepting both reply orders
     * servers use (426 then 226, or 226 alone); afterwards the connection is usable. Does nothing when no transfer
     * is in progress.
     *
     * @throws IOException if the control connection fails
     */
    void abort() throws IOException;

    /**
     * Says goodbye (QUIT) and closes the connection. Closes even when the server does not answer.
     *
     * @throws IOException if QUIT could not be sent
     */
    void quit() throws IOException;

    /**
     * Ends the session: when no transfer is open, sends QUIT and waits at most 2 seconds (or the reply timeout, if
     * shorter) for the reply, so try-with-resources ends sessions politely and a dead server never holds the close
     * up for long; then closes the control connection and any open data connection. Failures are not reported.
     * Idempotent.
     */
    @Override
    void close();
}
