package dev.ftpkit.examples;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Embedding the server: serve a directory to one user until the JVM stops. */
public final class EmbeddedServerExample {

    private EmbeddedServerExample() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "ftpkit-root"));
        try (FtpServer server = FtpServer.builder()
                .root(root)
                .port(0)
                .authenticator(InMemoryUsers.builder().user("demo", "demo").build())
                .build()
                .start()) {
            System.out.println("ftp://demo:demo@127.0.0.1:" + server.port() + "/ (press Enter to stop)");
            System.in.read();
        }
    }
}
