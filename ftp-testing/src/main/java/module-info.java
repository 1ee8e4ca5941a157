/**
 * A test FTP server for code that talks FTP (written with ftpkit, Apache Commons Net or anything else): a real
 * ftpkit server on loopback with an in-memory file system, recorded sessions, fault injection, FTPS with a
 * generated certificate, a scripted server for replies no real server sends, and a JUnit 5 extension.
 */
module dev.ftpkit.testing {
    requires transitive dev.ftpkit.server;
    // only FtpServerExtension uses JUnit (static: a project without JUnit 5 does not need it; transitive: its API
    // shows JUnit types, so a test module that reads this one reads JUnit's API too)
    requires static transitive org.junit.jupiter.api;

    exports dev.ftpkit.testing;
}
