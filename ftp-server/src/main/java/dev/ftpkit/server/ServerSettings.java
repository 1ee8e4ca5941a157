package dev.ftpkit.server;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/** The server's configuration as command handlers see it: read-only, as {@link FtpServer.Builder} validated it. */
public interface ServerSettings {

    /**
     * The text of the 220 greeting (also the reply to REIN).
     *
     * @return one line
     */
    String greeting();

    /**
     * How long to wait for a data connection and for each read or write on it.
     *
     * @return the timeout
     */
    Duration dataTimeout();

    /**
     * How long to wait before answering a failed login (and before checking for an address that failed lately).
     *
     * @return the delay
     */
    Duration loginFailureDelay();

    /**
     * PASV and EPSV.
     *
     * @return the passive settings
     */
    PassiveSettings passive();

    /**
     * PORT and EPRT.
     *
     * @return the active settings
     */
    ActiveSettings active();

    /**
     * FTPS.
     *
     * @return the TLS settings, empty for plain FTP
     */
    Optional<TlsSettings> tls();

    /**
     * Whether STOR writes to a temporary file and renames it onto the target at the end.
     *
     * @return true for atomic uploads
     */
    boolean atomicUploads();

    /**
     * Whether uploads are forced to storage before 226.
     *
     * @return true to sync
     */
    boolean syncUploads();

    /**
     * The virtual hosts for HOST (RFC 7151), by lower-case name.
     *
     * @return an unmodifiable map
     */
    Map<String, VirtualHost> virtualHosts();

    /**
     * The registered verbs, sorted (for FEAT and HELP).
     *
     * @return an unmodifiable set
     */
    Set<String> verbs();

    /**
     * The registered SITE subcommands, sorted.
     *
     * @return an unmodifiable set
     */
    Set<String> siteVerbs();

    /**
     * Looks a SITE subcommand up.
     *
     * @param name the subcommand (any case)
     * @return its descriptor, if registered
     */
    Optional<CommandDescriptor> siteCommand(String name);

    /**
     * Permits for the helper threads that read the entries of large listings, shared by all sessions (one per
     * processor), so concurrent listings cannot multiply threads.
     *
     * @return the shared permits
     */
    Semaphore listingHelpers();

    /**
     * Where transfer threads come from; listings of large directories also read entries on a few of them.
     *
     * @return the factory
     */
    ThreadFactory transferThreadFactory();

    /**
     * The MODE Z (deflate) compression level when the server offers MODE Z ({@link FtpServer.Builder#modeZ(int)}).
     *
     * @return the level, empty when MODE Z is not offered
     */
    default OptionalInt modeZLevel() {
        return OptionalInt.empty();
    }

    /**
     * The charset of names on the control connection for clients that do not speak UTF-8
     * ({@link FtpServer.Builder#controlEncoding(Charset)}).
     *
     * @return the charset, empty for UTF-8
     */
    default Optional<Charset> controlEncoding() {
        return Optional.empty();
    }
}
