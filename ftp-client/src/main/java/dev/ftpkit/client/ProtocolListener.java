package dev.ftpkit.client;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

/**
 * Sees the control-connection dialogue: every command sent and every reply received. Useful for logs and
 * {@code --verbose} output. {@link Command#toString()} masks the password of {@code PASS}; print that, not
 * {@link Command#encode()}. {@link #NONE} is the default.
 */
public interface ProtocolListener {

    /** A listener that does nothing. */
    ProtocolListener NONE = new ProtocolListener() {
        @Override
        public void commandSent(Command command) {
        }

        @Override
        public void replyReceived(Reply reply) {
        }

        @Override
        public String toString() {
            return "ProtocolListener.NONE";
        }
    };

    /**
     * Called after a command was written to the control connection.
     *
     * @param command the command
     */
    void commandSent(Command command);

    /**
     * Called for every complete reply read from the control connection, including 1xx replies.
     *
     * @param reply the reply
     */
    void replyReceived(Reply reply);
}
