package dev.ftpkit.testing.internal;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * A fault in the bytes of a data transfer: before each chunk moves, it says how much of it may move now, and may
 * wait (stall, drip) or end the transfer (drop).
 */
@FunctionalInterface
interface DataFault {

    /** What a data fault may do to the connection it sits on. */
    interface Connection {
        /** Pushes out what was written so far. */
        void flush() throws IOException;

        /** Closes the connection with a clean end (the client reads a short file). */
        void drop();

        /** Completes when the client gave up or the server closes. */
        Future<?> giveUp();
    }

    /**
     * How many of the next {@code wanted} bytes may move now.
     *
     * @param passed     bytes that moved so far
     * @param wanted     bytes about to move, at least 1
     * @param connection the connection
     * @return 1..wanted
     * @throws IOException a 426 when the fault ends the transfer
     */
    int admit(long passed, int wanted, Connection connection) throws IOException;

    static DataFault dropAfter(long bytes) {
        return (passed, wanted, connection) -> {
            if (passed >= bytes) {
                connection.flush();
                connection.drop();
                throw aborted("Data connection dropped after " + passed + " bytes (injected fault).");
            }
            return (int) Math.min(wanted, bytes - passed);
        };
    }

    static DataFault stallAfter(long bytes) {
        return (passed, wanted, connection) -> {
            if (passed >= bytes) {
                connection.flush();
                waitFor(connection.giveUp());
                throw aborted("Data connection stalled after " + passed + " bytes (injected fault).");
            }
            return (int) Math.min(wanted, bytes - passed);
        };
    }

    static DataFault drip(int bytes, Duration period) {
        return (passed, wanted, connection) -> {
            if (passed > 0) {
                connection.flush();
                try {
                    connection.giveUp().get(period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    throw aborted("Transfer given up.");
                } catch (TimeoutException pauseOver) {
                    // the pause between two drops, cut short if the client gives up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw aborted("Interrupted.");
                } catch (ExecutionException e) {
                    throw aborted("Transfer given up.");
                }
            }
            return Math.min(wanted, bytes);
        };
    }

    private static void waitFor(Future<?> giveUp) throws IOException {
        try {
            giveUp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // given up either way
        }
    }

    private static FtpReplyException aborted(String text) {
        return new FtpReplyException(Reply.of(ReplyCodes.TRANSFER_ABORTED, text));
    }
}
