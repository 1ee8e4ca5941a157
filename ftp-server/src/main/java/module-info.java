/**
 * An embeddable FTP server built on {@code dev.ftpkit.core}.
 */
module dev.ftpkit.server {
    requires transitive dev.ftpkit.core;

    exports dev.ftpkit.server;
    exports dev.ftpkit.server.command;
}
