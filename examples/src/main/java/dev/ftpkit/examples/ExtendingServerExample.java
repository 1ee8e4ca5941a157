package dev.ftpkit.examples;

import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.Permission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Extending the server without replacing it: every built-in command wrapped by an audit decorator, and a veto
 * hook that refuses executable uploads with 553. Try {@code curl -T x.exe ftp://127.0.0.1:PORT/}.
 */
public final class ExtendingServerExample {

    private ExtendingServerExample() {
    }

    /**
     * A server with the audit decorator and the upload-name policy (not started).
     *
     * @param root  the directory served
     * @param audit where the audit lines go
     * @return the server
     */
    public static FtpServer server(Path root, Consumer<String> audit) {
        CommandRegistry commands = AuditingCommands.wrapAll(CommandRegistry.standard(), audit);
        return FtpServer.builder()
                .root(root)
                .port(0)
                .authenticator(Authenticator.anonymous(Permission.all()))
                .commands(commands)
                .hook(UploadNamePolicy.refusing(".exe", ".bat"))
                .build();
    }

    /**
     * Serves a directory until Enter is pressed.
     *
     * @param args the directory (default {@code ftpkit-root})
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "ftpkit-root"));
        try (FtpServer server = server(root, System.err::println).start()) {
            System.out.println("try: curl -T x.exe ftp://127.0.0.1:" + server.port() + "/ (press Enter to stop)");
            System.in.read();
        }
    }
}
