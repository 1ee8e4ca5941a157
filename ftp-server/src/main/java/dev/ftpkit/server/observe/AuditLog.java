package dev.ftpkit.server.observe;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one JSON object per line for what an auditor asks about: logins, file transfers, deletes, renames,
 * directories made and removed, and changes of working directory. Every line has {@code time} (ISO 8601, UTC),
 * {@code event}, {@code session}, {@code client} and {@code user} (empty before login); file operations carry the
 * reply {@code code}, so refused attempts are there too. Paths are absolute, as the client sees the tree.
 *
 * <pre>
 * {"time":"2026-12-05T12:00:00Z","event":"login","session":"3","client":"127.0.0.1","user":"alice","result":"success"}
 * {"time":"2026-12-05T12:00:01Z","event":"transfer","session":"3","client":"127.0.0.1","user":"alice","direction":"upload","path":"/in/a.bin","bytes":1000,"millis":4,"result":"ok"}
 * {"time":"2026-12-05T12:00:02Z","event":"rename","session":"3","client":"127.0.0.1","user":"alice","from":"/in/a.bin","to":"/in/b.bin","code":250}
 * </pre>
 */
public final class AuditLog implements ServerListener, Closeable {

    /** Commands naming one path, and the event each is logged as (RFC 959 §4.1.3, RFC 775's X-forms). */
    private static final Map<String, String> PATH_EVENTS = Map.of(
            "DELE", "delete", "MKD", "mkdir", "XMKD", "mkdir", "RMD", "rmdir", "XRMD", "rmdir");
    /** Commands that change the working directory. */
    private static final Map<String, String> DIRECTORY_CHANGES = Map.of(
            "CWD", "cwd", "XCWD", "cwd", "CDUP", "cwd", "XCUP", "cwd");
    private static final int PENDING_FURTHER_INFORMATION = 350;

    private final LineSink sink;
    private final Clock clock;
    /** The absolute path of an accepted RNFR, by session id, until its RNTO. */
    private final Map<String, String> renameFrom = new ConcurrentHashMap<>();

    private AuditLog(LineSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Appends to a file (created if missing).
     *
     * @param file the log file
     * @return the log; close it after the server
     * @throws IOException if the file cannot be opened
     */
    public static AuditLog appendingTo(Path file) throws IOException {
        return new AuditLog(LineSink.append(file), Clock.systemUTC());
    }

    /**
     * Writes to a writer, with times from a clock.
     *
     * @param out   where lines go; flushed after each
     * @param clock the time of each line
     * @return the log
     */
    public static AuditLog writingTo(Writer out, Clock clock) {
        return new AuditLog(new LineSink(out, "audit log"), clock);
    }

    private JsonLine line(FtpSession session, String event) {
        return new JsonLine()
                .add("time", clock.instant().toString())
                .add("event", event)
                .add("session", session.id())
                .add("client", session.clientAddress().getAddress().getHostAddress())
                .add("user", session.account().map(Account::name).orElse(""));
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        sink.line(line(session, "login").add("result", "success").toString());
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        sink.line(line(session, "login").add("result", "failure").add("given", userName).toString());
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        if (event.direction() == TransferEvent.Direction.LISTING) {
            return;
        }
        sink.line(line(session, "transfer")
                .add("direction", event.direction().name().toLowerCase(Locale.ROOT))
                .add("path", FtpPaths.absolute(session.workingDirectory(), event.path()))
                .add("bytes", event.bytes())
                .add("millis", event.duration().toMillis())
                .add("result", event.success() ? "ok" : "failed")
                .toString());
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        String verb = command.verb();
        String pathEvent = PATH_EVENTS.get(verb);
        if (pathEvent != null) {
            sink.line(line(session, pathEvent).add("path", path(session, command)).add("code", reply.codeValue())
                    .toString());
        } else if (DIRECTORY_CHANGES.containsKey(verb)) {
            String path = reply.code().isPositiveCompletion() ? session.workingDirectory()
                    : path(session, command);
            sink.line(line(session, DIRECTORY_CHANGES.get(verb)).add("path", path).add("code", reply.codeValue())
                    .toString());
        } else if (verb.equals("RNFR")) {
            if (reply.codeValue() == PENDING_FURTHER_INFORMATION) {
                renameFrom.put(session.id(), path(session, command));
            }
        } else if (verb.equals("RNTO")) {
            String from = renameFrom.remove(session.id());
            sink.line(line(session, "rename").add("from", from == null ? "" : from).add("to", path(session, command))
                    .add("code", reply.codeValue()).toString());
        } else {
            renameFrom.remove(session.id()); // RFC 959 §4.1.3: RNTO must follow RNFR at once
        }
    }

    private static String path(FtpSession session, Command command) {
        return FtpPaths.absolute(session.workingDirectory(), command.argument());
    }

    @Override
    public void disconnected(FtpSession session) {
        renameFrom.remove(session.id());
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        sink.close();
    }
}
