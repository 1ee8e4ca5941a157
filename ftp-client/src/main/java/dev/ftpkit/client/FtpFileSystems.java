package dev.ftpkit.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Map;

/**
 * Remote files as {@code java.nio.file} paths: the {@code ftp} and {@code ftps} file system providers, registered
 * through {@link java.util.ServiceLoader} (class path and module path), and the keys of their environment.
 *
 * <pre>{@code
 * Map<String, Object> env = Map.of(FtpFileSystems.CONFIG, config, FtpFileSystems.MAX_CONNECTIONS, 4);
 * try (FileSystem ftp = FileSystems.newFileSystem(URI.create("ftp://alice:secret@ftp.example.com:21/"), env)) {
 *     Path report = ftp.getPath("/pub/report.pdf");
 *     Files.copy(report, Path.of("report.pdf"));
 *     try (Stream<Path> tree = Files.walk(ftp.getPath("/pub"))) { tree.forEach(System.out::println); }
 *     Path again = Path.of(URI.create("ftp://ftp.example.com:21/pub/report.pdf"));   // while it is open
 * }
 * }</pre>
 *
 * <p>What the file system does: paths are POSIX-like and absolute from {@code /} (relative paths resolve against
 * {@code /}); {@code newInputStream} and read channels use RETR (REST for a position), {@code newOutputStream} and
 * write channels STOR or APPE ({@code APPEND}); directory streams read MLSD when the server offers MLST, else LIST,
 * and never contain {@code .} or {@code ..}; basic attributes come from MLST, else from SIZE and MDTM (a path that
 * answers CWD but not SIZE is a directory); {@code createDirectory} is MKD, {@code delete} DELE or RMD, {@code move}
 * RNFR/RNTO, {@code copy} a download streamed into an upload. Every operation borrows a connection from the file
 * system's {@link FtpConnectionPool}, and each open stream or channel holds one until closed, so several can be open
 * at once (up to {@link #MAX_CONNECTIONS}). Errors: {@code NoSuchFileException}, {@code FileAlreadyExistsException},
 * {@code DirectoryNotEmptyException}, {@code NotDirectoryException} where asking the server about the path tells
 * them apart, else a {@code FileSystemException} whose cause is the {@link dev.ftpkit.core.FtpReplyException}. Not
 * supported ({@code UnsupportedOperationException}): file attribute views other than {@code basic}, watch services,
 * file stores, links, POSIX permissions, reading and writing one channel at once.
 *
 * <p>One file system per scheme, host and port is open at a time; {@code Path.of(URI)} finds it by those three.
 * Closing it closes the connections of its own pool (not those of a pool passed in with {@link #POOL}).
 */
public final class FtpFileSystems {

    /** Environment key: the {@link FtpClientConfig} (default: the defaults; for {@code ftps}, with implicit TLS). */
    public static final String CONFIG = "config";
    /** Environment key: the user name ({@code String}); default: the URI's user info, else {@code anonymous}. */
    public static final String USER = "user";
    /** Environment key: the password ({@code String} or {@code char[]}); default: the URI's, else {@code anonymous@}. */
    public static final String PASSWORD = "password";
    /** Environment key: an {@link FtpConnectionPool} to borrow from, shared and not closed by the file system. */
    public static final String POOL = "pool";
    /** Environment key: how many connections the file system's own pool opens at most ({@code Integer}, default 4). */
    public static final String MAX_CONNECTIONS = "maxConnections";
    /** Environment key: how many idle connections its own pool keeps ({@code Integer}, default 2). */
    public static final String MAX_IDLE_CONNECTIONS = "maxIdleConnections";

    private FtpFileSystems() {
    }

    /**
     * Opens a file system with a client configuration, finding the provider through this library's class loader
     * too (for applications that load ftpkit in a class loader of their own).
     *
     * @param uri    {@code ftp://[user[:password]@]host[:port]/} or {@code ftps://...}
     * @param env    the environment (keys above)
     * @return the open file system
     * @throws IOException if the first connection fails
     */
    public static FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        return FileSystems.newFileSystem(uri, env, FtpFileSystems.class.getClassLoader());
    }
}
