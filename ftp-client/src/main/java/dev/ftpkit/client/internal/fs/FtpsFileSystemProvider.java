package dev.ftpkit.client.internal.fs;

/**
 * The {@code ftps} scheme: implicit TLS (RFC 4217 §1 mentions it as the older way; port 990) unless the configuration
 * sets TLS itself, explicit or implicit.
 */
public final class FtpsFileSystemProvider extends RemoteFileSystemProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public FtpsFileSystemProvider() {
        super("ftps", 990, true);
    }
}
