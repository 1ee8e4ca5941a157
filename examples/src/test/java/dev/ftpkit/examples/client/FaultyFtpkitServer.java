package dev.ftpkit.examples.client;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.ServerListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ftpkit server on 127.0.0.1 (anonymous, may write; HASH, MFMT, MLST) that records every RETR it gets and
 * answers the next {@link #failRetrievals(int) n} RETR (or {@link #failUploads(int) STOR}) commands with
 * {@code 421}.
 */
final class FaultyFtpkitServer implements AutoCloseable {

    private final FtpServer server;
    private final List<String> retrievals = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger uploadFailures = new AtomicInteger();

    FaultyFtpkitServer(Path root) throws IOException {
        CommandRegistry commands = CommandRegistry.standard();
        failing(commands, "RETR", failures);
        failing(commands, "STOR", uploadFailures);
        server = FtpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .root(root)
                .authenticator(Authenticator.anonymous(Permission.all()))
                .commands(commands)
                .listener(new ServerListener() {
                    @Override
                    public void commandHandled(FtpSession session, Command command, Reply reply) {
                        if (command.verb().equals("RETR")) {
                            retrievals.add(command.argument());
                        }
                    }
                })
                .build()
                .start();
    }

    /** Wraps a built-in command: while {@code count} is above 0 it answers 421 (and counts down) instead. */
    private static void failing(CommandRegistry commands, String verb, AtomicInteger count) {
        CommandDescriptor builtIn = commands.get(verb).orElseThrow();
        commands.register(verb, builtIn.withHandler((command, session) ->
                count.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                        ? Reply.of(421, "Injected fault: service closing")
                        : builtIn.handler().handle(command, session)));
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "ftp://127.0.0.1:" + port() + "/" + path;
    }

    /** The RETR commands handled so far (their arguments), the failed ones included. */
    List<String> retrievals() {
        return retrievals;
    }

    /** Answers the next {@code n} RETR commands with 421. */
    void failRetrievals(int n) {
        failures.set(n);
    }

    /** Answers the next {@code n} STOR commands with 421. */
    void failUploads(int n) {
        uploadFailures.set(n);
    }

    @Override
    public void close() {
        server.close();
    }
}
