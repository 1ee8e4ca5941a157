package dev.ftpkit.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A test's temp root and its server (set by the test, closed after it), and a listener to wait for sessions to end. */
abstract class ServerFixture {

    @TempDir
    Path root;

    /** Set by the test, with the options it needs. */
    FtpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A listener that counts {@code ended} down as each session ends (its last event). */
    static ServerListener countingDownOnDisconnect(CountDownLatch ended) {
        return new ServerListener() {
            @Override
            public void disconnected(FtpSession session) {
                ended.countDown();
            }
        };
    }
}
