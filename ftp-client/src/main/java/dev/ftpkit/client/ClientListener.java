package dev.ftpkit.client;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Observes one control connection: its opening, each command with its final reply, logins, data transfers and its
 * close; the seam for tracing and metrics (the client's JFR events are emitted through the same calls). A
 * {@link Factory} set with {@link FtpClientConfig.Builder#clientListener(Factory)} makes one listener per
 * connection, so a listener may keep per-connection state in plain fields.
 *
 * <p>Every method does nothing by default. Methods run on the thread using the client and should return quickly;
 * one that throws is logged and ignored (the connection goes on). Commands are told in the order sent; their final
 * replies come in the same order (RFC 959 §4.2), so an {@code ABOR} sent during a transfer is answered after the
 * transfer command.
 */
public interface ClientListener {

    /** A listener that ignores every event. */
    ClientListener NONE = new ClientListener() {
        @Override
        public String toString() {
            return "ClientListener.NONE";
        }
    };

    /** Makes the listener of each control connection the client opens. */
    @FunctionalInterface
    interface Factory {

        /** Makes {@link ClientListener#NONE} for every connection: the default. */
        Factory NONE = (host, port) -> ClientListener.NONE;

        /**
         * Called before a control connection is opened.
         *
         * @param host the host name or address being connected to
         * @param port the control port
         * @return the listener of that connection
         */
        ClientListener create(String host, int port);
    }

    /**
     * The TCP connection is open (before TLS and the greeting).
     *
     * @param server the server's end of the control connection
     * @param local  the client's end
     */
    default void connected(InetSocketAddress server, InetSocketAddress local) {
    }

    /**
     * Opening failed (connect, implicit TLS, a negative greeting or {@code AUTH TLS}); no call follows.
     *
     * @param failure why
     */
    default void connectFailed(IOException failure) {
    }

    /**
     * A command was written to the control connection.
     *
     * @param command the command ({@code toString()} masks a password)
     */
    default void commandSent(Command command) {
    }

    /**
     * A command got its final (not 1xx) reply, positive or negative.
     *
     * @param command the command
     * @param reply   the final reply
     */
    default void commandAnswered(Command command, Reply reply) {
    }

    /**
     * A command will get no reply: the connection broke, timed out or was closed first.
     *
     * @param command the command
     * @param failure why
     */
    default void commandFailed(Command command, IOException failure) {
    }

    /**
     * A login succeeded.
     *
     * @param user the user name
     */
    default void loggedIn(String user) {
    }

    /**
     * A login failed.
     *
     * @param user    the user name
     * @param failure why (an {@link dev.ftpkit.core.FtpReplyException} for a refusal)
     */
    default void loginFailed(String user, IOException failure) {
    }

    /**
     * A data transfer began: the server accepted the command and the data connection is open (or was not needed).
     *
     * @param command   the transfer command, e.g. {@code RETR file}
     * @param direction which way the bytes flow (listings are downloads)
     */
    default void transferStarted(Command command, TransferProgress.Direction direction) {
    }

    /**
     * A data transfer ended, after its command's final reply (which tells whether it succeeded).
     *
     * @param command   the transfer command
     * @param direction which way the bytes flowed
     * @param bytes     bytes that crossed the data connection
     * @param success   whether the server's final reply was 2xx
     */
    default void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean success) {
    }

    /** The control connection closed; no call follows. */
    default void closed() {
    }
}
