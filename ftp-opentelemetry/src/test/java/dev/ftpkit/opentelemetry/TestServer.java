package dev.ftpkit.opentelemetry;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;

import java.nio.file.Path;
import java.time.Duration;

/** An ftpkit server on loopback, port 0, with one read-write user. */
final class TestServer {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret";

    private TestServer() {
    }

    static FtpServer.Builder builder(Path root) {
        return FtpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .root(root)
                .authenticator(InMemoryUsers.builder().iterations(1_000)
                        .user(USER, PASSWORD, Account.atRoot(USER, Permission.all())).build())
                .loginFailureDelay(Duration.ofMillis(20));
    }
}
