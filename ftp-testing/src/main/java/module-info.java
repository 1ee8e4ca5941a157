/**
 * A test FTP server for code that talks FTP (written with ftpkit, Apache Commons Net or anything else): a real
 * ftpkit server on loopback with an in-memory file system, recorded sessions, fault injection, FTPS with a
 * generated certificate, a scripted server for replies no real server sends, and a JUnit 5 extension.
 */
module dev.ftpkit.testing {
    requires transitive dev.ftpkit.server;
    // only FtpServerExtension uses JUnit: a project without JUnit 5 needs it neither to compile nor to run (not
    // transitive: javac would then want JUnit on every consumer's module path)
    requires static org.junit.jupiter.api;

    exports dev.ftpkit.testing;
}
