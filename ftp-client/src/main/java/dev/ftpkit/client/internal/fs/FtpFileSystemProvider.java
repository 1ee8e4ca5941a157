package dev.ftpkit.client.internal.fs;

/** The {@code ftp} scheme: plain FTP on port 21 by default, explicit TLS when the configuration asks for it. */
public final class FtpFileSystemProvider extends RemoteFileSystemProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public FtpFileSystemProvider() {
        super("ftp", 21, false);
    }
}
