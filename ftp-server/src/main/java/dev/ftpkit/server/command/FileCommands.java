package dev.ftpkit.server.command;

import dev.ftpkit.core.AsciiConversion;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpTime;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.FileOperation;
import dev.ftpkit.server.FileRequest;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.internal.Texts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static dev.ftpkit.server.command.Replies.fail;

/** DELE, RMD, MKD, RNFR, RNTO (RFC 959 §4.1.3), SIZE, MDTM (RFC 3659 §3, §4), MFMT (draft-somers-ftp-mfxx). */
final class FileCommands {

    /** The largest file SIZE counts in TYPE A (RFC 3659 §4 lets a server refuse with 550 what it cannot tell). */
    static final long ASCII_SIZE_LIMIT = 64L * 1024 * 1024;

    private FileCommands() {
    }

    static Reply dele(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.DELETE);
        Replies.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), false)) {
            session.authorize(FileRequest.of(FileOperation.DELETE, session.ftpPath(command.argument())));
            if (path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Is a directory: use RMD.");
            }
            path.deleteFile();
        }
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Delete operation successful.");
    }

    static Reply rmd(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.DELETE);
        Replies.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        if (ftpPath.equals("/")) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.");
        }
        try (JailedPath path = session.locate(ftpPath, false)) {
            session.authorize(FileRequest.of(FileOperation.REMOVE_DIRECTORY, ftpPath));
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

    static Reply mkd(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.MAKE_DIRECTORY);
        Replies.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        try (JailedPath path = session.locate(ftpPath, false)) {
            session.authorize(FileRequest.of(FileOperation.MAKE_DIRECTORY, ftpPath));
            path.createDirectory();
        }
        return Reply.of(ReplyCodes.PATHNAME_CREATED, NavigationCommands.quote(ftpPath) + " created");
    }

    static Reply rnfr(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.RENAME);
        Replies.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        try (JailedPath path = session.locate(ftpPath, false)) {
            if (ftpPath.equals("/") || !path.exists()) {
                throw new NoSuchFileException(command.argument());
            }
        }
        session.parameters().pendingRename(Optional.of(ftpPath));
        return Reply.of(ReplyCodes.FILE_ACTION_PENDING, "Ready for RNTO.");
    }

    static Reply rnto(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.RENAME);
        String fromPath = session.parameters().pendingRename().orElse(null);
        session.parameters().pendingRename(Optional.empty());
        if (fromPath == null) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "RNFR required first.");
        }
        Replies.requireArgument(command);
        String ftpPath = session.ftpPath(command.argument());
        if (ftpPath.equals("/")) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.");
        }
        try (JailedPath from = session.locate(fromPath, false); JailedPath to = session.locate(ftpPath, false)) {
            session.authorize(FileRequest.rename(fromPath, ftpPath));
            from.renameTo(to);
        }
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Rename successful.");
    }

    static Reply size(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        Replies.requireArgument(command);
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
                long size = asciiSize(file, ASCII_SIZE_LIMIT);
                if (size < 0) {
                    throw fail(ReplyCodes.FILE_UNAVAILABLE, "SIZE in ASCII mode is given for files up to "
                            + ASCII_SIZE_LIMIT / (1024 * 1024) + " MiB; use TYPE I.");
                }
                return Reply.of(ReplyCodes.FILE_STATUS, Long.toString(size));
            }
        }
    }

    static Reply mdtm(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        Replies.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), true)) {
            BasicFileAttributes attributes = attributesOrNull(path);
            if (attributes == null || !attributes.isRegularFile()) {
                // a directory too (vsftpd, proftpd and pure-ftpd agree; RFC 3659 §3 speaks of files)
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Could not get file modification time.");
            }
            return Reply.of(ReplyCodes.FILE_STATUS, Listings.formatTime(attributes.lastModifiedTime().toInstant()));
        }
    }

    private static BasicFileAttributes attributesOrNull(JailedPath path) throws IOException {
        try {
            return path.attributes();
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    /** {@code MFMT YYYYMMDDHHMMSS path}: sets the modification time, answers {@code 213 Modify=...; path}. */
    static Reply mfmt(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.WRITE);
        String argument = command.argument();
        int space = argument.indexOf(' ');
        if (space < 0) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "MFMT needs a time and a path.");
        }
        Instant time = parseTime(argument.substring(0, space));
        String name = argument.substring(space + 1);
        try (JailedPath path = session.locate(name, true)) {
            path.attributes(); // NoSuchFileException: 550
            // through the directory handle the jail opened (futimens on the file opened there without following)
            BasicFileAttributeView view = path.attributeView(BasicFileAttributeView.class);
            view.setTimes(FileTime.from(time), null, null);
        }
        return Reply.of(ReplyCodes.FILE_STATUS, "Modify=" + Listings.formatTime(time) + "; " + Texts.oneLine(name));
    }

    /** RFC 3659 §2.3 time-val: YYYYMMDDHHMMSS[.sss], UTC; a bad value is 501. */
    static Instant parseTime(String text) throws Exception {
        return FtpTime.parse(text);
    }

    /**
     * How many bytes RETR would send of a file in TYPE A (RFC 3659 §4: SIZE reports what RETR would transfer in
     * the current TYPE), counted by converting it; -1 if the file is longer than {@code limit} bytes.
     */
    private static long asciiSize(SeekableByteChannel file, long limit) throws IOException {
        if (file.size() > limit) {
            return -1;
        }
        byte[] buffer = new byte[64 * 1024];
        AsciiConversion conversion = AsciiConversion.toNetwork();
        byte[] converted = new byte[conversion.maxOutput(buffer.length)];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long total = 0;
        for (int n = file.read(wrapped); n >= 0; wrapped.clear(), n = file.read(wrapped)) {
            total += conversion.convert(buffer, 0, n, converted, 0);
        }
        return total;
    }
}
