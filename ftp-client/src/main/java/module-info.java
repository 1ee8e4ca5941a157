/**
 * A blocking FTP client built on {@code dev.ftpkit.core}.
 */
module dev.ftpkit.client {
    requires transitive dev.ftpkit.core;
    // JFR events (dev.ftpkit.client.*): jdk.jfr is in every JDK runtime; a plain requires makes jlink keep it
    requires jdk.jfr;

    exports dev.ftpkit.client;
    exports dev.ftpkit.client.sync;
}
