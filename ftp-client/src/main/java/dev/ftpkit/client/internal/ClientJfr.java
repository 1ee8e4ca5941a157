package dev.ftpkit.client.internal;

import dev.ftpkit.client.ClientListener;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.core.Command;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Emits the client's JFR events, {@code dev.ftpkit.client.*}, as the {@link ClientListener} of one connection.
 * While no recording asks for an event type, each call costs a check of {@link EventType#isEnabled()} and allocates
 * nothing. Connections and transfers begun before a recording started are not recorded.
 */
final class ClientJfr implements ClientListener {

    private static final EventType SESSION = EventType.getEventType(SessionEvent.class);
    private static final EventType LOGIN = EventType.getEventType(LoginEvent.class);
    private static final EventType TRANSFER = EventType.getEventType(TransferEvent.class);

    /** One control connection, from connect to close. */
    @Name("dev.ftpkit.client.Session")
    @Label("FTP Client Session")
    @Category({"ftpkit", "Client"})
    @StackTrace(false)
    static final class SessionEvent extends Event {
        @Label("Server")
        String server;
        @Label("User")
        @Description("The user logged in last, empty if none")
        String user;
    }

    /** One login (USER, PASS, ACCT). */
    @Name("dev.ftpkit.client.Login")
    @Label("FTP Client Login")
    @Category({"ftpkit", "Client"})
    @StackTrace(false)
    static final class LoginEvent extends Event {
        @Label("Server")
        String server;
        @Label("User")
        String user;
        @Label("Success")
        boolean success;
    }

    /** One data transfer, from its opening to its end. */
    @Name("dev.ftpkit.client.Transfer")
    @Label("FTP Client Transfer")
    @Category({"ftpkit", "Client"})
    @StackTrace(false)
    static final class TransferEvent extends Event {
        @Label("Command")
        String verb;
        @Label("Path")
        String path;
        @Label("Direction")
        @Description("upload or download (listings are downloads)")
        String direction;
        @Label("Bytes")
        @DataAmount
        long bytes;
        @Label("Success")
        @Description("Whether the server's final reply was 2xx")
        boolean success;
    }

    /** The session event under way, or null when no recording wanted it (or the connection failed). */
    private SessionEvent session;
    private String server = "";
    /** The transfer event under way, or null when no recording wanted it. */
    private TransferEvent transfer;

    /**
     * The events of one connection.
     *
     * @param connecting whether the connection is being opened: only then does its session event begin (if a
     *                   recording wants it); a connection opened before the flight recorder existed records none
     */
    ClientJfr(boolean connecting) {
        if (connecting && SESSION.isEnabled()) {
            session = new SessionEvent();
            session.begin();
        }
    }

    @Override
    public void connected(InetSocketAddress remote, InetSocketAddress local) {
        server = remote.getAddress().getHostAddress();
        if (session != null) {
            session.server = server;
        }
    }

    @Override
    public void connectFailed(IOException failure) {
        session = null; // no session was had: nothing to record
    }

    @Override
    public void loggedIn(String user) {
        if (session != null) {
            session.user = user;
        }
        login(user, true);
    }

    @Override
    public void loginFailed(String user, IOException failure) {
        login(user, false);
    }

    private void login(String user, boolean success) {
        if (LOGIN.isEnabled()) {
            LoginEvent event = new LoginEvent();
            event.server = server;
            event.user = user;
            event.success = success;
            event.commit();
        }
    }

    @Override
    public void transferStarted(Command command, TransferProgress.Direction direction) {
        if (TRANSFER.isEnabled()) {
            transfer = new TransferEvent();
            transfer.begin();
        }
    }

    @Override
    public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean success) {
        TransferEvent event = transfer;
        transfer = null;
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.verb = command.verb();
            event.path = command.argument();
            event.direction = direction.name().toLowerCase(Locale.ROOT);
            event.bytes = bytes;
            event.success = success;
            event.commit();
        }
    }

    @Override
    public void closed() {
        if (session != null) {
            session.commit();
            session = null;
        }
    }
}
