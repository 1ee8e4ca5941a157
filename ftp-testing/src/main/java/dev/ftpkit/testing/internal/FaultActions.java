package dev.ftpkit.testing.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommandHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;

/** The faults of {@code dev.ftpkit.testing.Fault}, one small action each. */
public final class FaultActions {

    private FaultActions() {
    }

    /**
     * Answers with a reply instead of running the command; 421 also closes the connection (RFC 959 §4.2).
     *
     * @param reply the reply
     * @return the action
     */
    public static FaultAction replyInstead(Reply reply) {
        return named("reply " + reply.code(), (command, context, handler, giveUp) -> {
            if (reply.code().value() == ReplyCodes.SERVICE_NOT_AVAILABLE) {
                context.closeAfterReply();
            }
            return reply;
        });
    }

    /**
     * Runs the command and sends its reply late.
     *
     * @param delay how late
     * @return the action
     */
    public static FaultAction delayReply(Duration delay) {
        return named("delay " + delay, (command, context, handler, giveUp) -> {
            Reply reply = handler.handle(command, context);
            Thread.sleep(delay.toMillis()); // the fault itself: a slow server
            return reply;
        });
    }

    /**
     * Sends a line that is no reply before the real reply.
     *
     * @param line the line, without CRLF
     * @return the action
     */
    public static FaultAction garbledLine(String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        return named("garbled reply '" + line + "'", (command, context, handler, giveUp) -> {
            context.sendRaw(bytes);
            return handler.handle(command, context);
        });
    }

    /**
     * Resets the control connection instead of answering.
     *
     * @return the action
     */
    public static FaultAction resetControl() {
        return named("reset the control connection", (command, context, handler, giveUp) -> {
            context.resetControlConnection();
            return Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Connection reset."); // never arrives
        });
    }

    /**
     * Closes the data connection after some bytes.
     *
     * @param bytes the bytes that pass
     * @return the action
     */
    public static FaultAction dropData(long bytes) {
        return data("drop the data connection after " + bytes + " bytes", DataFault.dropAfter(bytes));
    }

    /**
     * Stops the data after some bytes, connection open.
     *
     * @param bytes the bytes that pass
     * @return the action
     */
    public static FaultAction stallData(long bytes) {
        return data("stall the data connection after " + bytes + " bytes", DataFault.stallAfter(bytes));
    }

    /**
     * Moves the data a few bytes at a time.
     *
     * @param bytes  per step
     * @param period between steps
     * @return the action
     */
    public static FaultAction dripData(int bytes, Duration period) {
        return data("drip " + bytes + " bytes every " + period, DataFault.drip(bytes, period));
    }

    private static FaultAction data(String name, DataFault fault) {
        return new FaultAction() {
            @Override
            public Reply apply(Command command, CommandContext context, CommandHandler handler, Future<?> giveUp)
                    throws Exception {
                return handler.handle(command, FaultyContexts.withDataFault(context, fault, giveUp));
            }

            @Override
            public boolean needsTransfer() {
                return true;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static FaultAction named(String name, FaultAction action) {
        return new FaultAction() {
            @Override
            public Reply apply(Command command, CommandContext context, CommandHandler handler, Future<?> giveUp)
                    throws Exception {
                return action.apply(command, context, handler, giveUp);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
