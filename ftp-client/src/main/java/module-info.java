/**
 * A blocking FTP client built on {@code dev.ftpkit.core}.
 */
module dev.ftpkit.client {
    requires transitive dev.ftpkit.core;

    exports dev.ftpkit.client;
    exports dev.ftpkit.client.sync;
}
