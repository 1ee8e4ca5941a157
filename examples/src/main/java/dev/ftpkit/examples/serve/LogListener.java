package dev.ftpkit.examples.serve;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;

import java.io.PrintStream;

/** One stderr line per session event; every command too with {@code -v}. */
final class LogListener implements ServerListener {
    private final PrintStream log;
    private final boolean verbose;

    LogListener(PrintStream log, boolean verbose) {
        this.log = log;
        this.verbose = verbose;
    }

    private void line(FtpSession session, String text) {
        log.println("[" + session.id() + " " + session.clientAddress().getAddress().getHostAddress() + "] " + text);
    }

    @Override
    public void connected(FtpSession session) {
        line(session, "connected");
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        line(session, "login " + account.name());
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        line(session, "login failed");
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        if (verbose) {
            line(session, command + " -> " + reply);
        }
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        line(session, event.verb() + " " + event.path() + " " + event.bytes() + " bytes in "
                + event.duration().toMillis() + " ms" + (event.success() ? "" : " (failed)"));
    }

    @Override
    public void disconnected(FtpSession session) {
        line(session, "disconnected");
    }
}
