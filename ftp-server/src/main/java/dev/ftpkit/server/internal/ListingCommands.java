package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
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

    /** Bounds one listing, so a huge directory cannot exhaust memory. */
    private static final int MAX_ENTRIES = 100_000;

    private ListingCommands() {
    }

    /** The target of a listing command: options such as {@code -la} removed, wildcards split off. */
    private record Target(Path directory, Path single, String pattern, boolean all, String shownPrefix) {
    }

    static Reply list(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        for (FileInfo info : entries(target, session)) {
            lines.add(Listings.unixLine(info, now));
        }
        return sendLines(session, "directory listing", lines);
    }

    static Reply nlst(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        List<String> lines = new ArrayList<>();
        for (FileInfo info : entries(target, session)) {
            lines.add(Texts.oneLine(target.single() != null ? target.shownPrefix() : target.shownPrefix() + info.name()));
        }
        return sendLines(session, "file list", lines);
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
        Account account = session.account().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (FileInfo info : children(directory, session, true)) {
            if (Texts.hasLineBreak(info.name())) {
                continue; // RFC 3659 §7.2: the pathname is the rest of the line; it cannot carry CR or LF
            }
            lines.add(entry(info, info.directory() ? "dir" : "file", info.name(), account).encode());
        }
        return sendLines(session, "MLSD", lines);
    }

    static Reply mlst(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        String ftpPath = session.ftpPath(command.argument());
        Path path = session.resolve(ftpPath);
        FileInfo info = FileInfo.read(path, ftpPath);
        String type = info.directory() ? (command.hasArgument() ? "dir" : "cdir") : "file";
        String shown = Texts.oneLine(ftpPath);
        // RFC 3659 §7.2: the entry line starts with one space
        return Reply.of(ReplyCodes.FILE_ACTION_OK, List.of("Listing " + shown,
                " " + entry(info, type, shown, session.account().orElseThrow()).encode(), "End"));
    }

    static Reply statPath(Command command, Session session) throws Exception {
        Target target = target(command.argument(), session);
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        lines.add("Status follows:");
        for (FileInfo info : entries(target, session)) {
            lines.add(" " + Listings.unixLine(info, now));
        }
        lines.add("End of status");
        return Reply.of(ReplyCodes.FILE_STATUS, lines);
    }

    private static MlsxEntry entry(FileInfo info, String type, String name, Account account) {
        return Listings.mlsxEntry(info, type, name, account.may(Permission.WRITE), account.may(Permission.DELETE),
                account.may(Permission.RENAME), account.may(Permission.MAKE_DIRECTORY));
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
            throw new NoSuchFileException(rest);
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
        List<FileInfo> infos = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                Path fileName = child.getFileName();
                String name = fileName == null ? "" : fileName.toString();
                if (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1); // zip file systems end directory names with '/'
                }
                if (name.startsWith(TransferCommands.TEMP_PREFIX) || (!showHidden && name.startsWith("."))
                        || !session.jail().isVisible(child)) {
                    continue;
                }
                try {
                    infos.add(FileInfo.read(child, name));
                } catch (IOException vanished) {
                    continue; // deleted while listing
                }
                if (infos.size() >= MAX_ENTRIES) {
                    break;
                }
            }
        }
        infos.sort(Comparator.comparing(FileInfo::name));
        return infos;
    }

    private static Reply sendLines(Session session, String what, List<String> lines) throws IOException {
        try (SocketDataConnection data = session.openData("Here comes the " + what + ".")) {
            OutputStream out = data.output();
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\r');
                out.write('\n');
            }
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Directory send OK.");
    }
}
