package dev.ftpkit.client.internal;

import dev.ftpkit.core.Command;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

import java.util.Locale;

/**
 * The client's JFR events, {@code dev.ftpkit.client.*}. While no recording asks for an event type, beginning one
 * costs a check of {@link EventType#isEnabled()} and allocates nothing: the begin methods then return null, which
 * the end methods accept. Connections and transfers begun before a recording started are not recorded.
 */
final class ClientJfr {

    private static final EventType SESSION = EventType.getEventType(SessionEvent.class);
    private static final EventType LOGIN = EventType.getEventType(LoginEvent.class);
    private static final EventType TRANSFER = EventType.getEventType(TransferEvent.class);

    private ClientJfr() {
    }

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

    static SessionEvent sessionBegun(String server) {
        if (!SESSION.isEnabled()) {
            return null;
        }
        SessionEvent event = new SessionEvent();
        event.server = server;
        event.begin();
        return event;
    }

    static void loggedIn(SessionEvent session, String user) {
        if (session != null) {
            session.user = user;
        }
    }

    static void sessionEnded(SessionEvent session) {
        if (session != null) {
            session.commit();
        }
    }

    static void login(String server, String user, boolean success) {
        if (LOGIN.isEnabled()) {
            LoginEvent event = new LoginEvent();
            event.server = server;
            event.user = user;
            event.success = success;
            event.commit();
        }
    }

    static TransferEvent transferBegun() {
        if (!TRANSFER.isEnabled()) {
            return null;
        }
        TransferEvent event = new TransferEvent();
        event.begin();
        return event;
    }

    static void transferEnded(TransferEvent event, Command command, Enum<?> direction, long bytes, boolean success) {
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
}
