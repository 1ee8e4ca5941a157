package dev.ftpkit.server;

import java.time.Duration;

/** A transfer command that runs beside the control connection; ABOR closes it and STAT reports on it. */
public interface RunningTransfer {

    /**
     * The command, e.g. {@code "RETR"}.
     *
     * @return the verb
     */
    String verb();

    /**
     * How many bytes went over the data connection so far.
     *
     * @return the count
     */
    long bytes();

    /**
     * Whether its final reply was sent.
     *
     * @return true once done
     */
    boolean done();

    /** Closes the data connection (RFC 959 §4.1.3 ABOR); the transfer then ends with 426. */
    void abort();

    /**
     * Waits for the final reply.
     *
     * @param timeout the longest wait
     * @return false if the wait timed out
     * @throws InterruptedException if interrupted
     */
    boolean await(Duration timeout) throws InterruptedException;
}
