package dev.ftpkit.examples.serve;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;

import java.io.PrintStream;

/** One stderr line per session event ({@code -v} adds the protocol transcript through System.Logger). */
final class LogListener implements ServerListener {
    private final PrintStream log;

    LogListener(PrintStream log) {
        this.log = log;
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
    public void transferEnded(FtpSession session, TransferEvent event) {
        line(session, event.verb() + " " + event.path() + " " + event.bytes() + " bytes in "
                + event.duration().toMillis() + " ms" + (event.success() ? "" : " (failed)"));
    }

    @Override
    public void disconnected(FtpSession session) {
        line(session, "disconnected");
    }
}
