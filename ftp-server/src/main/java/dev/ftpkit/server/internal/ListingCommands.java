package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Permission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.ftpkit.server.internal.SessionHandler.fail;

/** LIST, NLST (RFC 959 §4.1.3), MLSD, MLST (RFC 3659 §7) and STAT with a path. */
final class ListingCommands {

    /** Bounds the entries one listing reads, so a huge directory cannot exhaust memory. */
    private static final int MAX_ENTRIES = 100_000;

    /** Lines go out in chunks of about this many characters, encoded once per chunk instead of once per line. */
    private static final int CHUNK_CHARS = 32 * 1024;

    private ListingCommands() {
    }

    /** The target of a listing command: options such as {@code -la} removed, wildcards split off. */
    private record Target(Path directory, Path single, String pattern, boolean all, String shownPrefix) {
    }

    static Reply list(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        long now = Instant.now().getEpochSecond();
        return send(session, "directory listing", entries(target, session),
                (out, info) -> Listings.appendUnixLine(out, info, now));
    }

    static Reply nlst(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        return send(session, "file list", entries(target, session), (out, info) -> {
            Texts.appendOneLine(out, target.shownPrefix());
            if (target.single() == null) {
                Texts.appendOneLine(out, info.name());
            }
        });
    }

    static Reply mlsd(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        Path directory = session.resolve(command.argument());
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(command.argument());
        }
        if (!Files.isDirectory(directory)) {
            // RFC 3659 §7.2: MLSD of something that is not a directory is an error
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Not a directory.");
        }
        Listings.MlsxPermissions permissions = Listings.MlsxPermissions.of(session.account().orElseThrow());
        List<FileInfo> infos = children(directory, session, true);
        // RFC 3659 §7.2: the pathname is the rest of the line; it cannot carry CR or LF
        infos.removeIf(info -> Texts.hasLineBreak(info.name()));
        return send(session, "MLSD", infos, (out, info) ->
                Listings.appendMlsx(out, info, info.directory() ? "dir" : "file", info.name(), permissions,
                        session.parameters().mlsxFacts()));
    }

    static Reply mlst(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        String ftpPath = session.ftpPath(command.argument());
        Path path = session.resolve(ftpPath);
        FileInfo info = FileInfo.read(path, ftpPath);
        String type = info.directory() ? (command.hasArgument() ? "dir" : "cdir") : "file";
        // RFC 3659 §7.2: the entry line starts with one space
        StringBuilder entry = new StringBuilder(" ");
        Listings.appendMlsx(entry, info, type, Texts.oneLine(ftpPath),
                Listings.MlsxPermissions.of(session.account().orElseThrow()), session.parameters().mlsxFacts());
        return Reply.of(ReplyCodes.FILE_ACTION_OK, List.of("Listing " + Texts.oneLine(ftpPath), entry.toString(),
                "End"));
    }

    static Reply statPath(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        long now = Instant.now().getEpochSecond();
        List<String> lines = new ArrayList<>();
        lines.add("Status follows:");
        StringBuilder line = new StringBuilder();
        for (FileInfo info : entries(target, session)) {
            line.setLength(0);
            Listings.appendUnixLine(line.append(' '), info, now);
            lines.add(line.toString());
        }
        lines.add("End of status");
        return Reply.of(ReplyCodes.FILE_STATUS, lines);
    }

    private static Target target(String argument, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        String rest = argument;
        boolean all = false;
        // ls-style options (-a, -l, -la, ...) that many clients send; RFC 959 has none
        while (rest.startsWith("-")) {
            int space = rest.indexOf(' ');
            String options = space < 0 ? rest : rest.substring(0, space);
            all |= options.indexOf('a') >= 0 || options.indexOf('A') >= 0;
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        String shownPrefix = rest.isEmpty() ? "" : (rest.endsWith("/") ? rest : rest + "/");
        int slash = rest.lastIndexOf('/');
        String last = rest.substring(slash + 1);
        if (Wildcard.isPattern(last)) {
            String parent = slash < 0 ? "" : (slash == 0 ? "/" : rest.substring(0, slash));
            Path directory = session.resolve(parent);
            String prefix = slash < 0 ? "" : rest.substring(0, slash + 1);
            return new Target(directory, null, last, all, prefix);
        }
        Path path = session.resolve(rest);
        if (!Files.exists(path)) {
            // RFC 959 §5.4 lists 450 for LIST, NLST and STAT (550 is not among their codes)
            throw fail(ReplyCodes.FILE_ACTION_NOT_TAKEN, "No such file or directory.");
        }
        if (!Files.isDirectory(path)) {
            return new Target(null, path, null, all, rest);
        }
        return new Target(path, null, null, all, shownPrefix);
    }

    private static List<FileInfo> entries(Target target, Session session) throws IOException {
        if (target.single() != null) {
            Path name = target.single().getFileName();
            return List.of(FileInfo.read(target.single(), name == null ? "" : name.toString()));
        }
        List<FileInfo> infos = children(target.directory(), session, target.all());
        if (target.pattern() != null) {
            infos.removeIf(info -> !Wildcard.matches(target.pattern(), info.name()));
        }
        return infos;
    }

    private static List<FileInfo> children(Path directory, Session session, boolean showHidden) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                entries.add(child);
                if (entries.size() >= MAX_ENTRIES) {
                    break;
                }
            }
        }
        boolean posix = FileInfo.hasPosix(directory);
        List<FileInfo> infos = ParallelEntries.read(entries, child -> shownEntry(child, session, showHidden, posix),
                session.config().transferThreadFactory());
        infos.sort(Comparator.comparing(FileInfo::name));
        return infos;
    }

    /** The info of an entry a listing shows, or null: temporary uploads, hidden names, links out of the home. */
    private static FileInfo shownEntry(Path child, Session session, boolean showHidden, boolean posix)
            throws IOException {
        Path fileName = child.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1); // zip file systems end directory names with '/'
        }
        if (name.startsWith(TransferCommands.TEMP_PREFIX) || (!showHidden && name.startsWith("."))) {
            return null;
        }
        FileInfo info = FileInfo.readNoFollow(child, name, posix);
        if (!info.symbolicLink()) {
            return info;
        }
        return session.jail().linkStaysInside(child) ? FileInfo.read(child, name) : null;
    }

    /** Appends one listing line (without its line end) for an entry. */
    @FunctionalInterface
    private interface LineFormat {
        void append(StringBuilder out, FileInfo info);
    }

    private static Reply send(Session session, String what, List<FileInfo> infos, LineFormat format)
            throws IOException {
        try (SocketDataConnection data = session.dataChannels().open("Here comes the " + what + ".")) {
            OutputStream out = data.output();
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
            for (FileInfo info : infos) {
                format.append(chunk, info);
                chunk.append("\r\n");
                if (chunk.length() >= CHUNK_CHARS) {
                    out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                }
            }
            out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Directory send OK.");
    }
}
