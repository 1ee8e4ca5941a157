package dev.ftpkit.client;

/**
 * Told about the progress of each transfer. Called on the thread that runs the transfer, after every buffer
 * (64 KiB by default), so keep it cheap. {@link #NONE} is the default.
 */
public interface TransferListener {

    /** A listener that does nothing. */
    TransferListener NONE = new TransferListener() {
        @Override
        public void progress(TransferProgress progress) {
        }

        @Override
        public String toString() {
            return "TransferListener.NONE";
        }
    };

    /**
     * Called when a transfer starts (with 0 bytes), after each buffer, and once when the data connection ends.
     *
     * @param progress how far the transfer has come
     */
    void progress(TransferProgress progress);
}
