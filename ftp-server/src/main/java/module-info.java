/**
 * An embeddable FTP server built on {@code dev.ftpkit.core}.
 */
module dev.ftpkit.server {
    requires transitive dev.ftpkit.core;
    // JFR events (dev.ftpkit.server.*): jdk.jfr is in every JDK runtime; a plain requires makes jlink keep it
    requires jdk.jfr;
    // LdapName reads the CN of client certificates (CertificateLogin.byCommonName)
    requires java.naming;

    exports dev.ftpkit.server;
    exports dev.ftpkit.server.command;
    exports dev.ftpkit.server.observe;
}
