package dev.ftpkit.server;

import java.nio.file.Path;
import java.time.Duration;

/** Servers for tests: port 0, fast logins, a read-write user and a read-only anonymous login. */
final class TestServers {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret";

    /** Few PBKDF2 iterations: the tests log in hundreds of times. The user may do everything, SITE CHMOD too. */
    static final Authenticator USERS = InMemoryUsers.builder().iterations(1_000)
            .user(USER, PASSWORD, Account.atRoot(USER, Permission.all())).build()
            .orElse(Authenticator.anonymous(Permission.readOnly()));

    private TestServers() {
    }

    static FtpServer.Builder builder(Path root) {
        return FtpServer.builder()
                .root(root)
                .port(0)
                .authenticator(USERS)
                .loginFailureDelay(Duration.ofMillis(20))
                .dataTimeout(Duration.ofSeconds(30));
    }

    static FtpServer start(Path root) throws Exception {
        return builder(root).build().start();
    }

    static String url(FtpServer server, String path) {
        return "ftp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.port() + "/" + path;
    }
}
