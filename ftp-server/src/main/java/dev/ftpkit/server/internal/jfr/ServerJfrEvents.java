package dev.ftpkit.server.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The server's JFR event types, {@code dev.ftpkit.server.*}; no stack traces (they would cost, and say nothing). */
final class ServerJfrEvents {

    private ServerJfrEvents() {
    }

    /** One control connection, from accept to close. */
    @Name("dev.ftpkit.server.Session")
    @Label("FTP Server Session")
    @Category({"ftpkit", "Server"})
    @Description("A control connection, from connect to disconnect")
    @StackTrace(false)
    static final class SessionEvent extends Event {
        @Label("Session")
        String session;
        @Label("Client")
        String client;
        @Label("User")
        @Description("The account logged in last, empty if none")
        String user;
    }

    /** One login attempt. */
    @Name("dev.ftpkit.server.Login")
    @Label("FTP Server Login")
    @Category({"ftpkit", "Server"})
    @StackTrace(false)
    static final class LoginEvent extends Event {
        @Label("Session")
        String session;
        @Label("Client")
        String client;
        @Label("User")
        String user;
        @Label("Success")
        boolean success;
    }

    /** One data transfer, from the data connection's opening to the transfer's end. */
    @Name("dev.ftpkit.server.Transfer")
    @Label("FTP Server Transfer")
    @Category({"ftpkit", "Server"})
    @StackTrace(false)
    static final class TransferEvent extends Event {
        @Label("Session")
        String session;
        @Label("User")
        String user;
        @Label("Command")
        String verb;
        @Label("Path")
        @Description("As the client named it")
        String path;
        @Label("Direction")
        @Description("upload, download or listing")
        String direction;
        @Label("Bytes")
        @DataAmount
        long bytes;
        @Label("Success")
        @Description("Whether it ended with 226")
        boolean success;
    }

    /** One command and its final reply; off by default (one per command is a lot). */
    @Name("dev.ftpkit.server.Command")
    @Label("FTP Server Command")
    @Category({"ftpkit", "Server"})
    @Enabled(false)
    @StackTrace(false)
    static final class CommandEvent extends Event {
        @Label("Session")
        String session;
        @Label("Command")
        String verb;
        @Label("Reply Code")
        int replyCode;
    }
}
