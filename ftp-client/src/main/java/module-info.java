/**
 * A blocking FTP client built on {@code dev.ftpkit.core}, a connection pool, and {@code java.nio.file} providers
 * for the {@code ftp} and {@code ftps} schemes (see {@link dev.ftpkit.client.FtpFileSystems}).
 */
module dev.ftpkit.client {
    requires transitive dev.ftpkit.core;
    // JFR events (dev.ftpkit.client.*): jdk.jfr is in every JDK runtime; a plain requires makes jlink keep it
    requires jdk.jfr;

    exports dev.ftpkit.client;
    exports dev.ftpkit.client.sync;

    provides java.nio.file.spi.FileSystemProvider with
            dev.ftpkit.client.internal.fs.FtpFileSystemProvider,
            dev.ftpkit.client.internal.fs.FtpsFileSystemProvider;
}
