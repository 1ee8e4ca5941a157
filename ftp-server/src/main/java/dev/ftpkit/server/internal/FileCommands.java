package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpTime;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Permission;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

import static dev.ftpkit.server.internal.SessionHandler.fail;

/** DELE, RMD, MKD, RNFR, RNTO (RFC 959 §4.1.3), SIZE, MDTM (RFC 3659 §3, §4), MFMT (draft-somers-ftp-mfxx). */
final class FileCommands {

    /** The largest file SIZE counts in TYPE A (RFC 3659 §4 lets a server refuse with 550 what it cannot tell). */
    static final long ASCII_SIZE_LIMIT = 64L * 1024 * 1024;

    private FileCommands() {
    }

    static Reply dele(Command command, Session session) throws Exception {
        session.requirePermission(Permission.DELETE);
        SessionHandler.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), false)) {
            if (path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Is a directory: use RMD.");
            }
            path.deleteFile();
        }
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Delete operation successful.");
    }

    static Reply rmd(Command command, Session session) throws Exception {
        session.requirePermission(Permission.DELETE);
        SessionHandler.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        if (ftpPath.equals("/")) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.");
        }
        try (JailedPath path = session.locate(ftpPath, false)) {
            if (!path.exists()) {
                throw new NoSuchFileException(command.argument());
            }
            if (!path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Not a directory: use DELE.");
            }
            path.deleteDirectory();
        }
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Remove directory operation successful.");
    }

    static Reply mkd(Command command, Session session) throws Exception {
        session.requirePermission(Permission.MAKE_DIRECTORY);
        SessionHandler.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        try (JailedPath path = session.locate(ftpPath, false)) {
            path.createDirectory();
        }
        return Reply.of(ReplyCodes.PATHNAME_CREATED, NavigationCommands.quote(ftpPath) + " created");
    }

    static Reply rnfr(Command command, Session session) throws Exception {
        session.requirePermission(Permission.RENAME);
        SessionHandler.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        try (JailedPath path = session.locate(ftpPath, false)) {
            if (ftpPath.equals("/") || !path.exists()) {
                throw new NoSuchFileException(command.argument());
            }
        }
        session.parameters().renameFrom(ftpPath);
        return Reply.of(ReplyCodes.FILE_ACTION_PENDING, "Ready for RNTO.");
    }

    static Reply rnto(Command command, Session session) throws Exception {
        session.requirePermission(Permission.RENAME);
        String fromPath = session.parameters().renameFrom();
        session.parameters().renameFrom(null);
        if (fromPath == null) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "RNFR required first.");
        }
        SessionHandler.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        if (ftpPath.equals("/")) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.");
        }
        try (JailedPath from = session.locate(fromPath, false); JailedPath to = session.locate(ftpPath, false)) {
            from.renameTo(to);
        }
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Rename successful.");
    }

    static Reply size(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        SessionHandler.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), true)) {
            BasicFileAttributes attributes = attributesOrNull(path);
            if (attributes == null || !attributes.isRegularFile()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Could not get file size.");
            }
            if (!session.asciiType()) {
                return Reply.of(ReplyCodes.FILE_STATUS, Long.toString(attributes.size()));
            }
            // RFC 3659 §4: the size RETR would send in the current TYPE; in TYPE A that means reading the file,
            // which is done only up to a cap (a client that wants the size of a big file asks in TYPE I)
            try (SeekableByteChannel file = path.newByteChannel(Set.of(StandardOpenOption.READ))) {
                long size = TransferIo.asciiSize(file, ASCII_SIZE_LIMIT);
                if (size < 0) {
                    throw fail(ReplyCodes.FILE_UNAVAILABLE, "SIZE in ASCII mode is given for files up to "
                            + ASCII_SIZE_LIMIT / (1024 * 1024) + " MiB; use TYPE I.");
                }
                return Reply.of(ReplyCodes.FILE_STATUS, Long.toString(size));
            }
        }
    }

    static Reply mdtm(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        SessionHandler.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), true)) {
            BasicFileAttributes attributes = attributesOrNull(path);
            if (attributes == null || !attributes.isRegularFile()) {
                // a directory too (vsftpd, proftpd and pure-ftpd agree; RFC 3659 §3 speaks of files)
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Could not get file modification time.");
            }
            return Reply.of(ReplyCodes.FILE_STATUS, Listings.formatTime(attributes.lastModifiedTime().toInstant()));
        }
    }

    private static BasicFileAttributes attributesOrNull(JailedPath path) throws java.io.IOException {
        try {
            return path.attributes();
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    /** {@code MFMT YYYYMMDDHHMMSS path}: sets the modification time, answers {@code 213 Modify=...; path}. */
    static Reply mfmt(Command command, Session session) throws Exception {
        session.requirePermission(Permission.WRITE);
        String argument = command.argument();
        int space = argument.indexOf(' ');
        if (space < 0) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "MFMT needs a time and a path.");
        }
        Instant time = parseTime(argument.substring(0, space));
        String name = argument.substring(space + 1);
        Path path = session.resolve(name);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(name);
        }
        Files.setLastModifiedTime(path, FileTime.from(time));
        return Reply.of(ReplyCodes.FILE_STATUS, "Modify=" + Listings.formatTime(time) + "; " + Texts.oneLine(name));
    }

    /** RFC 3659 §2.3 time-val: YYYYMMDDHHMMSS[.sss], UTC; a bad value is 501. */
    static Instant parseTime(String text) throws Exception {
        return FtpTime.parse(text);
    }
}
