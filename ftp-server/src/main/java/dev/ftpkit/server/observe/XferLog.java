package dev.ftpkit.server.observe;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;
import dev.ftpkit.server.TransferEvent.Direction;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one line per file transfer in the xferlog format of wu-ftpd and vsftpd ({@code xferlog_std_format=YES}),
 * so the tools that read those logs read this one:
 *
 * <pre>
 * Sat Dec  5 12:00:00 2026 1 127.0.0.1 1000 /upload/a_file.bin b _ i a me@example.org ftp 0 * c
 * </pre>
 *
 * The fields: time (UTC, as vsftpd's default {@code use_localtime=NO}), whole seconds (at least 1, as vsftpd),
 * client address, bytes on the data connection, absolute file name (white space replaced by {@code _}, as
 * vsftpd; normalized, where vsftpd writes {@code /upload/../big.bin} as the client gave it), {@code a}/{@code b} for TYPE A/I, {@code _} (no special action), {@code i} upload / {@code o} download,
 * {@code a} anonymous / {@code r} real user, the user (for anonymous logins the password given, {@code ?} when
 * empty, as vsftpd), {@code ftp}, {@code 0} (no RFC 931 authentication), {@code *}, and {@code c} complete /
 * {@code i} incomplete. Listings are not logged; unlike vsftpd, neither is a transfer whose data connection never
 * opened (a RETR of a missing file).
 */
public final class XferLog implements ServerListener, Closeable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final Map<Direction, String> DIRECTIONS = Map.of(Direction.UPLOAD, "i", Direction.DOWNLOAD, "o");
    private static final int LOGGED_IN = 230;

    private final LineSink sink;
    private final Clock clock;
    /** The password each anonymous session gave (vsftpd logs it as the user), by session id. */
    private final Map<String, String> anonymousPasswords = new ConcurrentHashMap<>();

    private XferLog(LineSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Appends to a file (created if missing), with times in UTC.
     *
     * @param file the log file
     * @return the log; close it after the server
     * @throws IOException if the file cannot be opened
     */
    public static XferLog appendingTo(Path file) throws IOException {
        return new XferLog(LineSink.append(file), Clock.systemUTC());
    }

    /**
     * Writes to a writer, with times from a clock (its zone is the one written).
     *
     * @param out   where lines go; flushed after each
     * @param clock the time of each line
     * @return the log
     */
    public static XferLog writingTo(Writer out, Clock clock) {
        return new XferLog(new LineSink(out, "xferlog"), clock);
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        if (command.verb().equals("PASS") && reply.codeValue() == LOGGED_IN
                && session.account().map(XferLog::anonymous).orElse(false)) {
            anonymousPasswords.put(session.id(), command.argument());
        }
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        String direction = DIRECTIONS.get(event.direction());
        Account account = session.account().orElse(null);
        if (direction == null || account == null) {
            return;
        }
        boolean anonymous = anonymous(account);
        String user = anonymous ? anonymousPasswords.getOrDefault(session.id(), "") : account.name();
        String line = String.join(" ",
                TIME.format(ZonedDateTime.now(clock)),
                Long.toString(Math.max(1, event.duration().toSeconds())),
                session.clientAddress().getAddress().getHostAddress(),
                Long.toString(event.bytes()),
                field(FtpPaths.absolute(session.workingDirectory(), event.path())),
                session.asciiType() ? "a" : "b",
                "_",
                direction,
                anonymous ? "a" : "r",
                field(user),
                "ftp",
                "0",
                "*",
                event.success() ? "c" : "i");
        sink.line(line);
    }

    @Override
    public void disconnected(FtpSession session) {
        anonymousPasswords.remove(session.id());
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        sink.close();
    }

    /** RFC 1635's anonymous names (what {@code Authenticator.anonymous} logs in as). */
    static boolean anonymous(Account account) {
        return account.name().equalsIgnoreCase("anonymous") || account.name().equalsIgnoreCase("ftp");
    }

    /** One field: no white space or control character may split it; an empty one is {@code ?}. */
    private static String field(String text) {
        if (text.isEmpty()) {
            return "?";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c <= ' ' || Character.isWhitespace(c) ? '_' : c));
        return b.toString();
    }
}
