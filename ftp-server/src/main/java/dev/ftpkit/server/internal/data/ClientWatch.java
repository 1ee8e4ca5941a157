package dev.ftpkit.server.internal.data;

import java.time.Duration;

/**
 * What a running transfer needs from the control connection: whether the client gave up on it (an ABOR or Telnet
 * IP/Synch already sent, or the connection closed), so that an upload is not committed behind its back.
 */
public interface ClientWatch {

    /** Nothing to watch (no control connection): the client never gave up. */
    ClientWatch NONE = new ClientWatch() {
        @Override
        public void watchForAbort() {
        }

        @Override
        public boolean clientGaveUp(Duration grace) {
            return false;
        }

        @Override
        public void readerWaitsForTransfer(boolean waiting) {
        }
    };

    /** Starts watching for the abort of a new transfer; called before it starts. */
    void watchForAbort();

    /**
     * Whether the client gave up on the running transfer.
     *
     * @param grace how long to wait for control bytes already received to be read
     * @return true if an upload must not be committed
     */
    boolean clientGaveUp(Duration grace);

    /**
     * Tells whether the session thread stopped reading until the running transfer ends.
     *
     * @param waiting true before the wait, false after it
     */
    void readerWaitsForTransfer(boolean waiting);
}
