package dev.ftpkit.testing;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything said on the control connections of a {@link FtpTestServer}, in order: connects, every command as it
 * arrived (passwords masked), every reply as it was sent (the greeting, 150s and 421s included), disconnects. A
 * test reads it ({@link #lines()}, {@link #commands()}) or waits for what it expects
 * ({@link #awaitCommand(String, Duration)}): the server answers on its own threads, so a client may be done
 * before the server has noted the last line. Safe to use from several threads.
 */
public final class Transcript {

    /** What a line of the transcript records. */
    public enum Kind {
        /** A client connected; the text is its address. */
        CONNECTED,
        /** A command from the client. */
        COMMAND,
        /** A reply from the server (several lines of a multi-line reply joined by {@code \n}). */
        REPLY,
        /** The control connection closed. */
        DISCONNECTED
    }

    /**
     * One line of a transcript.
     *
     * @param session the session's id, as in {@link FtpSession#id()}
     * @param kind    what it records
     * @param text    the command or reply as on the wire (without CRLF), or the client address
     */
    public record Line(String session, Kind kind, String text) {

        /** Checks the parts are present. */
        public Line {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /**
         * The verb, for a command line.
         *
         * @return e.g. {@code "RETR"}, empty unless a command
         */
        public Optional<String> verb() {
            return kind == Kind.COMMAND ? Optional.of(text.split(" ", 2)[0].toUpperCase(Locale.ROOT)) : Optional.empty();
        }

        @Override
        public String toString() {
            String marker = switch (kind) {
                case CONNECTED -> "connected from ";
                case COMMAND -> "> ";
                case REPLY -> "< ";
                case DISCONNECTED -> "disconnected";
            };
            return "#" + session + " " + marker + text.replace("\n", "\n#" + session + " < ");
        }
    }

    private final List<Line> lines = new ArrayList<>();

    /**
     * A snapshot of every line so far.
     *
     * @return an immutable list, oldest first
     */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * The commands so far, as sent (passwords masked), in order, over all sessions.
     *
     * @return e.g. {@code ["USER anonymous", "PASS ****", "TYPE I", ...]}
     */
    public List<String> commands() {
        return lines().stream().filter(l -> l.kind() == Kind.COMMAND).map(Line::text).toList();
    }

    /**
     * Waits until a command with this verb arrived (at any time since the server started or {@link #clear()}).
     *
     * @param verb    the verb, any case
     * @param timeout the longest wait
     * @return the first such command's line
     * @throws AssertionError if none arrived in time (its message holds the transcript)
     */
    public Line awaitCommand(String verb, Duration timeout) {
        String upper = verb.toUpperCase(Locale.ROOT);
        return await("a " + upper + " command", l -> l.verb().filter(upper::equals).isPresent(), timeout);
    }

    /**
     * Waits until a reply with this code was sent.
     *
     * @param code    the code, e.g. 226
     * @param timeout the longest wait
     * @return the first such reply's line
     * @throws AssertionError if none was sent in time (its message holds the transcript)
     */
    public Line awaitReply(int code, Duration timeout) {
        String prefix = String.valueOf(code);
        return await("a " + code + " reply", l -> l.kind() == Kind.REPLY && l.text().startsWith(prefix), timeout);
    }

    /**
     * Waits until every session that connected so far has disconnected (and at least one connected): after a
     * client closed, the server's view of the files and the transcript are complete.
     *
     * @param timeout the longest wait
     * @throws AssertionError if a session is still open after the timeout
     */
    public void awaitAllDisconnected(Duration timeout) {
        awaitState("every session to disconnect", () -> {
            long connected = lines.stream().filter(l -> l.kind() == Kind.CONNECTED).count();
            long gone = lines.stream().filter(l -> l.kind() == Kind.DISCONNECTED).count();
            return connected > 0 && connected == gone;
        }, timeout);
    }

    /**
     * Waits until a line matching {@code condition} is in the transcript.
     *
     * @param what      what is awaited, for the failure message
     * @param condition the line wanted
     * @param timeout   the longest wait
     * @return the first matching line
     * @throws AssertionError if none matched in time (its message holds the transcript)
     */
    public Line await(String what, Predicate<Line> condition, Duration timeout) {
        awaitState(what, () -> lines.stream().anyMatch(condition), timeout);
        synchronized (this) {
            return lines.stream().filter(condition).findFirst().orElseThrow();
        }
    }

    private synchronized void awaitState(String what, java.util.function.BooleanSupplier reached, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout + " for " + what + "; the transcript:\n" + this);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Forgets every line so far (e.g. what a test's setup said). */
    public synchronized void clear() {
        lines.clear();
    }

    private synchronized void add(FtpSession session, Kind kind, String text) {
        lines.add(new Line(session.id(), kind, text));
        notifyAll();
    }

    /**
     * The whole transcript, one line each, e.g. {@code #1 > USER anonymous} and {@code #1 < 331 Password please.}.
     *
     * @return the text
     */
    @Override
    public synchronized String toString() {
        return lines.isEmpty() ? "(no session)" : lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
    }

    /** The listener that fills this transcript. */
    ServerListener recorder() {
        return new ServerListener() {
            @Override
            public void connected(FtpSession session) {
                add(session, Kind.CONNECTED, session.clientAddress().getAddress().getHostAddress() + ":"
                        + session.clientAddress().getPort());
            }

            @Override
            public void commandReceived(FtpSession session, Command command) {
                add(session, Kind.COMMAND, command.toString());
            }

            @Override
            public void replySent(FtpSession session, Reply reply) {
                String encoded = reply.encode();
                add(session, Kind.REPLY, encoded.substring(0, encoded.length() - 2).replace("\r\n", "\n"));
            }

            @Override
            public void disconnected(FtpSession session) {
                add(session, Kind.DISCONNECTED, "");
            }
        };
    }
}
