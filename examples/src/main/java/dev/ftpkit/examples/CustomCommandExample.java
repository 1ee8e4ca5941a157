package dev.ftpkit.examples;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.Permission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Extending the server: a new verb {@code WHOAMI}, a new {@code SITE TIME} subcommand, and the built-in RETR
 * wrapped to log every download. Try {@code curl -Q WHOAMI ftp://127.0.0.1:PORT/}.
 */
public final class CustomCommandExample {

    private CustomCommandExample() {
    }

    public static void main(String[] args) throws Exception {
        CommandRegistry commands = CommandRegistry.standard()
                // a new verb: answers with the session's user and working directory
                .register("WHOAMI", CommandDescriptor.of((command, session) -> Reply.of(200,
                        session.account().orElseThrow().name() + " in " + session.workingDirectory())))
                // a SITE subcommand: SITE TIME, allowed before login
                .registerSite("TIME", CommandDescriptor.beforeLogin((command, session) ->
                        Reply.of(200, "Server time " + Instant.now())));
        // wrap a built-in handler: log, then delegate
        CommandDescriptor retr = commands.get("RETR").orElseThrow();
        commands.register("RETR", retr.withHandler((command, session) -> {
            System.err.println(session.clientAddress() + " downloads " + command.argument());
            return retr.handler().handle(command, session);
        }));

        Path root = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "ftpkit-root"));
        try (FtpServer server = FtpServer.builder()
                .root(root)
                .port(0)
                .authenticator(Authenticator.anonymous(Permission.readOnly()))
                .commands(commands)
                .build()
                .start()) {
            System.out.println("try: curl -Q WHOAMI ftp://127.0.0.1:" + server.port() + "/ (press Enter to stop)");
            System.in.read();
        }
    }
}
