package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A server in its own JVM (the kill -9 and small-heap tests): the test users and anonymous read-only; prints its
 * port, then serves until killed.
 */
public final class CrashServerMain {

    private CrashServerMain() {
    }

    /**
     * Starts the server.
     *
     * @param args the root directory
     * @throws Exception if it cannot start
     */
    public static void main(String[] args) throws Exception {
        FtpServer server = FtpServer.builder().root(Path.of(args[0])).port(0).authenticator(Security.USERS)
                .build().start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
