package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** What most attack tests share: a fresh root per test and the server under attack, closed after the test. */
abstract class SecurityFixture {

    @TempDir
    Path root;

    /** Set by the test (each builds the server with the options its attack needs). */
    FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}
