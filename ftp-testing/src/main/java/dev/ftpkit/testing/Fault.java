package dev.ftpkit.testing;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testing.internal.FaultAction;
import dev.ftpkit.testing.internal.FaultActions;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Something going wrong on purpose on a {@link FtpTestServer}, for one command or one data transfer: the FTP
 * counterpart of MockWebServer's socket policies. Make one with a factory method, say when it strikes with
 * {@link #on(String)} and {@link #atCommand(int)}, and hand it to {@link FtpTestServer#inject(Fault)}:
 *
 * <pre>{@code
 * server.inject(Fault.reply(421, "Too busy").atCommand(3));   // the third command of a session gets 421
 * server.inject(Fault.reply(425, "No data port").on("PASV"));
 * server.inject(Fault.dropDataAfter(1024).on("RETR"));        // the download ends after 1 KiB, reply 426
 * }</pre>
 *
 * <p>A fault strikes once unless {@link #times(int)} or {@link #always()} says otherwise, so a client that retries
 * gets through. Without {@link #on(String)} a command fault strikes at the next command (or the
 * {@link #atCommand(int) n-th}), a data fault at the next transfer. Values are immutable.
 */
public final class Fault {

    /** {@link #times(int)} for a fault that never wears off. */
    private static final int ALWAYS = -1;

    private final FaultAction action;
    private final String verb;
    private final int commandNumber;
    private final int times;

    private Fault(FaultAction action, String verb, int commandNumber, int times) {
        this.action = action;
        this.verb = verb;
        this.commandNumber = commandNumber;
        this.times = times;
    }

    private static Fault of(FaultAction action) {
        return new Fault(action, null, 0, 1);
    }

    /**
     * Answers with {@code code text} instead of running the command (e.g. {@code 550} to a STOR, {@code 425} to
     * PASV). A {@code 421} also closes the control connection, as RFC 959 §4.2 says it does.
     *
     * @param code a reply code, 100..599
     * @param text the reply text
     * @return the fault
     */
    public static Fault reply(int code, String text) {
        return of(FaultActions.replyInstead(Reply.of(code, Objects.requireNonNull(text, "text"))));
    }

    /**
     * Runs the command and holds its final reply back for {@code delay}: a slow server.
     *
     * @param delay how long, positive
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        return of(FaultActions.delayReply(positive(delay, "delay")));
    }

    /**
     * Sends {@code line} (and CRLF) where the command's reply is expected, then the real reply: a client must
     * notice that the line is no reply (RFC 959 §4.2: a reply starts with three digits).
     *
     * @param line the garbled line, e.g. {@code "2x0 what"}
     * @return the fault
     */
    public static Fault garbledReply(String line) {
        return of(FaultActions.garbledLine(Objects.requireNonNull(line, "line")));
    }

    /**
     * Resets the control connection (TCP RST) instead of answering: a server that crashed, or a middlebox that
     * dropped the connection.
     *
     * @return the fault
     */
    public static Fault resetControlConnection() {
        return of(FaultActions.resetControl());
    }

    /**
     * Closes the data connection after {@code bytes} bytes of the transfer (a download stops short, an upload
     * finds the connection gone) and answers the transfer with {@code 426}.
     *
     * @param bytes how many bytes pass first, at least 0
     * @return the fault
     */
    public static Fault dropDataAfter(long bytes) {
        return of(FaultActions.dropData(notNegative(bytes, "bytes")));
    }

    /**
     * Stops moving data after {@code bytes} bytes but keeps the data connection open, until the client sends ABOR
     * or disconnects or the server closes; the transfer then ends with {@code 426}. For client read timeouts.
     *
     * @param bytes how many bytes pass first, at least 0
     * @return the fault
     */
    public static Fault stallDataAfter(long bytes) {
        return of(FaultActions.stallData(notNegative(bytes, "bytes")));
    }

    /**
     * Moves the transfer's data {@code bytes} at a time with a pause of {@code period} between: a slow link, for
     * progress reporting and timeouts that must not fire while data still flows.
     *
     * @param bytes  bytes per step, at least 1
     * @param period the pause between steps, positive
     * @return the fault
     */
    public static Fault dripData(int bytes, Duration period) {
        if (bytes < 1) {
            throw new IllegalArgumentException("dripData bytes must be at least 1: " + bytes);
        }
        return of(FaultActions.dripData(bytes, positive(period, "period")));
    }

    /**
     * The same fault, striking only at commands with this verb.
     *
     * @param verb e.g. {@code "STOR"} (any case)
     * @return the fault
     */
    public Fault on(String verb) {
        if (verb == null || !verb.matches("[A-Za-z][A-Za-z0-9]{0,15}")) {
            throw new IllegalArgumentException("on(verb) needs an FTP verb such as STOR: " + verb);
        }
        return new Fault(action, verb.toUpperCase(Locale.ROOT), commandNumber, times);
    }

    /**
     * The same fault, striking only at the {@code n}-th command a client sends in its session (USER is the first).
     *
     * @param n 1 or more
     * @return the fault
     */
    public Fault atCommand(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("atCommand counts from 1: " + n);
        }
        return new Fault(action, verb, n, times);
    }

    /**
     * The same fault, striking {@code n} times before it wears off (the default is once).
     *
     * @param n 1 or more
     * @return the fault
     */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + n);
        }
        return new Fault(action, verb, commandNumber, n);
    }

    /**
     * The same fault, striking at every matching command for as long as the server runs.
     *
     * @return the fault
     */
    public Fault always() {
        return new Fault(action, verb, commandNumber, ALWAYS);
    }

    FaultAction action() {
        return action;
    }

    /** Whether it strikes at this command of a session. */
    boolean matches(String commandVerb, int number, boolean transfer) {
        if (verb != null && !verb.equals(commandVerb)) {
            return false;
        }
        if (commandNumber != 0 && commandNumber != number) {
            return false;
        }
        return transfer || !action.needsTransfer();
    }

    /** How many times it strikes, -1 for always. */
    int times() {
        return times;
    }

    @Override
    public String toString() {
        return action + (verb != null ? " on " + verb : "") + (commandNumber != 0 ? " at command " + commandNumber : "")
                + (times == ALWAYS ? ", always" : times == 1 ? "" : ", " + times + " times");
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }

    private static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
