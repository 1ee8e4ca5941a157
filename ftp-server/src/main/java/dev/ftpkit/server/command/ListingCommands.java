package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.internal.Texts;
import dev.ftpkit.server.internal.data.DataConnectionException;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import static dev.ftpkit.server.command.Replies.fail;

/**
 * LIST, NLST (RFC 959 §4.1.3), MLSD, MLST (RFC 3659 §7) and STAT with a path. Listings are streamed: the directory
 * is read in bounded batches ({@link DirectoryBatches}) and each batch goes out before the next is read, so memory
 * per listing does not grow with the directory. A listing that fails after its 150 ends with 426 or 451 and a reset
 * data connection, never with 226 (a 226 after a truncated listing is a lie the client cannot detect).
 */
final class ListingCommands {

    /** STAT answers on the control connection, held whole: beyond this many entries it refers to LIST. */
    static final int MAX_STAT_ENTRIES = 10_000;

    /** Lines go out in chunks of about this many characters, encoded once per chunk instead of once per line. */
    private static final int CHUNK_CHARS = 32 * 1024;

    private ListingCommands() {
    }

    /**
     * The target of a listing command: options such as {@code -la} removed, wildcards split off. {@code located}
     * is the directory listed (or the single file), as the jail found it; the listing reads through it and closes
     * it.
     *
     * @param ftpDirectory the absolute FTP path of the directory listed (links in it are checked from there)
     * @param single       whether the target is one file rather than a directory
     */
    private record Target(JailedPath located, String ftpDirectory, boolean single, String pattern, boolean all,
                          String shownPrefix) {
    }

    /** The entries of a listing, a batch at a time; opened before the 150, closed after the last line. */
    interface Entries extends Closeable {
        /** The next entries, or an empty list at the end. */
        List<FileInfo> next() throws IOException;
    }

    static Reply list(Command command, CommandContext session) throws Exception {
        Target target = target(command.argument(), session);
        Listings.UnixLines lines = new Listings.UnixLines(Instant.now().getEpochSecond());
        return send(session, "directory listing", entries(target, session), lines::append);
    }

    static Reply nlst(Command command, CommandContext session, LinkNames linkNames) throws Exception {
        Target target = target(command.argument(), session);
        Entries entries = target.single() ? entries(target, session) : names(target, session, linkNames);
        return send(session, "file list", entries, (out, info) -> {
            Texts.appendOneLine(out, target.shownPrefix());
            if (!target.single()) {
                Texts.appendOneLine(out, info.name());
            }
        });
    }

    static Reply mlsd(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        Entries entries;
        try (JailedPath directory = session.locate(command.argument(), true)) {
            if (!directory.attributes().isDirectory()) {
                // RFC 3659 §7.2: MLSD of something that is not a directory is an error
                throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Not a directory.");
            }
            // RFC 3659 §7.2: the pathname is the rest of the line; it cannot carry CR or LF
            entries = children(directory, session.ftpPath(command.argument()), session, true,
                    name -> !Texts.hasLineBreak(name));
        }
        Listings.MlsxPermissions permissions = Listings.MlsxPermissions.of(session.account().orElseThrow());
        return send(session, "MLSD", entries, (out, info) ->
                Listings.appendMlsx(out, info, info.directory() ? "dir" : "file", info.name(), permissions,
                        session.parameters().mlsxFacts()));
    }

    static Reply mlst(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        String ftpPath = session.ftpPath(command.argument());
        FileInfo info;
        try (JailedPath path = session.locate(ftpPath, true)) {
            info = FileInfo.read(path, ftpPath);
        }
        String type = info.directory() ? (command.hasArgument() ? "dir" : "cdir") : "file";
        // RFC 3659 §7.2: the entry line starts with one space
        StringBuilder entry = new StringBuilder(" ");
        Listings.appendMlsx(entry, info, type, Texts.oneLine(ftpPath),
                Listings.MlsxPermissions.of(session.account().orElseThrow()), session.parameters().mlsxFacts());
        return Reply.of(ReplyCodes.FILE_ACTION_OK, List.of("Listing " + Texts.oneLine(ftpPath), entry.toString(),
                "End"));
    }

    static Reply statPath(Command command, CommandContext session) throws Exception {
        Target target = target(command.argument(), session);
        Listings.UnixLines format = new Listings.UnixLines(Instant.now().getEpochSecond());
        List<String> lines = new ArrayList<>();
        lines.add("Status follows:");
        StringBuilder line = new StringBuilder();
        try (Entries entries = entries(target, session)) {
            for (List<FileInfo> batch = entries.next(); !batch.isEmpty(); batch = entries.next()) {
                if (lines.size() + batch.size() > MAX_STAT_ENTRIES + 1) {
                    throw fail(ReplyCodes.FILE_UNAVAILABLE, "Too many entries for STAT; use LIST.");
                }
                for (FileInfo info : batch) {
                    line.setLength(0);
                    format.append(line.append(' '), info);
                    lines.add(line.toString());
                }
            }
        }
        lines.add("End of status");
        return Reply.of(ReplyCodes.FILE_STATUS, lines);
    }

    private static Target target(String argument, CommandContext session) throws Exception {
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
            String prefix = slash < 0 ? "" : rest.substring(0, slash + 1);
            String ftpDirectory = session.ftpPath(parent);
            return new Target(session.locate(parent, true), ftpDirectory, false, last, all, prefix);
        }
        String ftpPath = session.ftpPath(rest);
        JailedPath path = null;
        try {
            path = session.locate(rest, true);
            BasicFileAttributes attributes = path.attributes();
            return new Target(path, ftpPath, !attributes.isDirectory(), null, all,
                    attributes.isDirectory() ? shownPrefix : rest);
        } catch (NoSuchFileException | NotDirectoryException missing) {
            closeQuietly(path);
            // RFC 959 §5.4 lists 450 for LIST, NLST and STAT (550 is not among their codes)
            throw fail(ReplyCodes.FILE_ACTION_NOT_TAKEN, "No such file or directory.");
        } catch (IOException | RuntimeException e) {
            closeQuietly(path);
            throw e;
        }
    }

    private static void closeQuietly(JailedPath path) {
        if (path != null) {
            path.close();
        }
    }

    /** Opens the target's entries and closes the target (an open directory outlives the handles it came from). */
    private static Entries entries(Target target, CommandContext session) throws IOException {
        try (JailedPath located = target.located()) {
            if (target.single()) {
                Path name = located.path().getFileName();
                return single(FileInfo.read(located, name == null ? "" : name.toString()));
            }
            String pattern = target.pattern();
            return children(located, target.ftpDirectory(), session, target.all(),
                    name -> pattern == null || Wildcard.matches(pattern, name));
        }
    }

    private static Entries single(FileInfo info) {
        return new Entries() {
            private boolean given;

            @Override
            public List<FileInfo> next() {
                List<FileInfo> next = given ? List.of() : List.of(info);
                given = true;
                return next;
            }

            @Override
            public void close() {
                // nothing is open
            }
        };
    }

    /**
     * The entries of a directory the jail found: read through the directory it opened (see
     * {@link JailedPath#newDirectoryStream()}), never again by name.
     */
    private static Entries children(JailedPath directory, String ftpDirectory, CommandContext session,
                                    boolean showHidden, Predicate<String> shownName) throws IOException {
        boolean posix = FileInfo.hasPosix(directory.path());
        DirectoryStream<Path> stream = directory.newDirectoryStream();
        return new DirectoryBatches(stream,
                (handle, child) -> shownEntry(handle, child, ftpDirectory, session, showHidden, posix, shownName),
                session.settings().transferThreadFactory(), session.settings().listingHelpers());
    }

    /**
     * NLST's entries of a directory: names only. Where {@link LinkNames} knows which entries of the unchanged
     * directory are links, no entry is stat'ed (only those links are checked); else every entry is, once, and what
     * the scan finds is remembered for the next NLST.
     */
    private static Entries names(Target target, CommandContext session, LinkNames linkNames) throws IOException {
        try (JailedPath located = target.located()) {
            String pattern = target.pattern();
            Predicate<String> matches = name -> pattern == null || Wildcard.matches(pattern, name);
            String ftpDirectory = target.ftpDirectory();
            BasicFileAttributes before = located.attributes();
            DirectoryStream<Path> stream = located.newDirectoryStream();
            Optional<Set<String>> known = linkNames.known(before);
            if (known.isPresent()) {
                Set<String> links = known.get();
                boolean noLinks = links.isEmpty(); // most directories: then no name is looked up
                return new DirectoryBatches(stream, (handle, child) -> {
                    String name = shownName(DirectoryEntry.nameOf(child), target.all(), matches);
                    boolean shown = name != null && (noLinks || !links.contains(name)
                            || linkTarget(ftpDirectory, name, session) != null);
                    return shown ? FileInfo.nameOnly(name) : null;
                }, session.settings().transferThreadFactory(), new Semaphore(0)); // a name costs less than a thread
            }
            long scanStart = System.currentTimeMillis();
            Set<String> links = ConcurrentHashMap.newKeySet();
            Path directory = located.path();
            DirectoryBatches scan = new DirectoryBatches(stream, (handle, child) -> {
                FileInfo info = FileInfo.readEntry(handle, DirectoryEntry.of(child), false);
                if (info.symbolicLink()) {
                    links.add(info.name()); // hidden or not: the next NLST may ask for them (-a)
                }
                String name = shownName(info.name(), target.all(), matches);
                boolean shown = name != null
                        && (!info.symbolicLink() || linkTarget(ftpDirectory, name, session) != null);
                return shown ? info : null;
            }, session.settings().transferThreadFactory(), session.settings().listingHelpers());
            return new Entries() {
                private boolean complete;

                @Override
                public List<FileInfo> next() throws IOException {
                    List<FileInfo> next = scan.next();
                    complete = next.isEmpty();
                    return next;
                }

                @Override
                public void close() throws IOException {
                    try {
                        if (complete) {
                            linkNames.remember(before, directoryAttributes(stream, directory), scanStart, links);
                        }
                    } finally {
                        scan.close();
                    }
                }
            };
        }
    }

    /** The listed directory's own attributes, through its open handle where there is one (not by name again). */
    private static BasicFileAttributes directoryAttributes(DirectoryStream<Path> stream, Path directory)
            throws IOException {
        if (stream instanceof SecureDirectoryStream<Path> handle) {
            return handle.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        }
        return Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The info of an entry a listing shows, or null: temporary uploads, hidden names, links out of the home. */
    private static FileInfo shownEntry(DirectoryStream<Path> directory, Path child, String ftpDirectory,
                                       CommandContext session, boolean showHidden, boolean posix,
                                       Predicate<String> shownName) throws IOException {
        DirectoryEntry entry = DirectoryEntry.of(child);
        if (shownName(entry.name(), showHidden, shownName) == null) {
            return null;
        }
        FileInfo info = FileInfo.readEntry(directory, entry, posix);
        if (!info.symbolicLink()) {
            return info;
        }
        return linkTarget(ftpDirectory, entry.name(), session);
    }

    /**
     * What a link in a listing points to, found by the jail from the home (each link on the way resolved and checked
     * through directory handles), or null when it leads out of the home or nowhere: then it is not shown.
     */
    private static FileInfo linkTarget(String ftpDirectory, String name, CommandContext session) throws IOException {
        String ftpPath = (ftpDirectory.endsWith("/") ? ftpDirectory : ftpDirectory + "/") + name;
        try (JailedPath target = session.locate(ftpPath, true)) {
            return FileInfo.read(target, name);
        } catch (FileSystemException outDanglingOrLooping) {
            return null;
        }
    }

    /** The entry's name, or null when a listing never shows it (temporary uploads, hidden names, no match). */
    private static String shownName(String name, boolean showHidden, Predicate<String> shownName) {
        if (name.startsWith(TransferCommands.TEMP_PREFIX) || (!showHidden && name.startsWith("."))
                || !shownName.test(name)) {
            return null;
        }
        return name;
    }

    /** Appends one listing line (without its line end) for an entry. */
    @FunctionalInterface
    private interface LineFormat {
        void append(StringBuilder out, FileInfo info);
    }

    private static Reply send(CommandContext session, String what, Entries entries, LineFormat format)
            throws IOException {
        try (Entries source = entries;
             DataConnection data = session.dataConnections().open("Here comes the " + what + ".")) {
            try {
                sendLines(source, data.output(), format, session.parameters().nameCharset());
            } catch (DataConnectionException e) {
                throw e; // 426: the client went away or stopped reading
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // reset, not a clean end: the data connection's end must never pass for the listing's end
                data.abort();
                if (e instanceof OutOfMemoryError oom) {
                    throw oom;
                }
                throw new FtpReplyException(Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR,
                        "Listing failed; transfer aborted."));
            }
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Directory send OK.");
    }

    private static void sendLines(Entries source, OutputStream out, LineFormat format, Charset names)
            throws IOException {
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
        for (List<FileInfo> batch = source.next(); !batch.isEmpty(); batch = source.next()) {
            for (FileInfo info : batch) {
                format.append(chunk, info);
                chunk.append("\r\n");
                if (chunk.length() >= CHUNK_CHARS) {
                    out.write(chunk.toString().getBytes(names));
                    chunk.setLength(0);
                }
            }
        }
        out.write(chunk.toString().getBytes(names));
        out.flush();
    }
}
