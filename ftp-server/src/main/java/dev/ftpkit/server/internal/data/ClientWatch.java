package dev.ftpkit.server.internal.data;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a running transfer needs from the control connection: whether the client gave up on it (an ABOR or Telnet
 * IP/Synch already sent, or the connection closed), so that an upload is not committed behind its back.
 */
public interface ClientWatch {

    /** Nothing to watch (no control connection): the client never gave up. */
    ClientWatch NONE = new ClientWatch() {
        @Override
        public void watchForAbort(BooleanSupplier running) {
        }

        @Override
        public boolean clientGaveUp(Duration grace) {
            return false;
        }
    };

    /**
     * Starts watching for the abort of a new transfer; called before it starts.
     *
     * @param running whether the transfer still runs (the watch is kept ready to answer while it does)
     */
    void watchForAbort(BooleanSupplier running);

    /**
     * Whether the client gave up on the running transfer.
     *
     * @param patience how long to wait for what was received to be read; if it passes, the answer is yes
     * @return true if an upload must not be committed
     */
    boolean clientGaveUp(Duration patience);
}
