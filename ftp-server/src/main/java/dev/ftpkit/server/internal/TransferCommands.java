package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Permission;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static dev.ftpkit.server.internal.SessionHandler.fail;

/** RETR, STOR, STOU, APPE (RFC 959 §4.1.3) with REST (RFC 3659 §5) and atomic uploads. */
final class TransferCommands {

    /** Temporary upload files start with this; listings hide them. */
    static final String TEMP_PREFIX = ".ftpkit-upload-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransferCommands() {
    }

    static Reply retr(Command command, Session session) throws Exception {
        session.requirePermission(Permission.READ);
        SessionHandler.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), true)) {
            long offset = session.parameters().takeRestOffset();
            if (path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Not a plain file.");
            }
            return send(session, command, path, offset);
        }
    }

    private static Reply send(Session session, Command command, JailedPath path, long offset) throws Exception {
        try (SeekableByteChannel file = path.newByteChannel(Set.of(StandardOpenOption.READ))) {
            if (offset > file.size()) {
                throw fail(ReplyCodes.INVALID_REST, "Restart offset beyond the end of the file.");
            }
            file.position(offset);
            String opening = opening(session, command.argument(), file.size());
            try (SocketDataConnection data = session.dataChannels().open(opening)) {
                TransferIo.send(file, data.output(), session.asciiType());
            }
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Transfer complete.");
    }

    static Reply stor(Command command, Session session) throws Exception {
        SessionHandler.requireArgument(command);
        try (JailedPath target = session.locate(command.argument(), false)) {
            return store(session, target, command.argument(), Mode.REPLACE, null);
        }
    }

    static Reply appe(Command command, Session session) throws Exception {
        SessionHandler.requireArgument(command);
        try (JailedPath target = session.locate(command.argument(), false)) {
            return store(session, target, command.argument(), Mode.APPEND, null);
        }
    }

    /**
     * RFC 959 §4.1.3 STOU; RFC 1123 §4.1.2.9: the 150 reply names the file as {@code FILE: name}. The name is
     * reserved by creating the file exclusively (O_EXCL), so two sessions never get the same one; a name already
     * taken makes it try another.
     */
    static Reply stou(Command command, Session session) throws Exception {
        session.requirePermission(Permission.WRITE);
        String base = command.hasArgument() && !command.argument().contains("/") ? command.argument() : "ftpkit";
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = attempt == 0 && command.hasArgument() ? base
                    : base + "." + HexFormat.of().toHexDigits(RANDOM.nextInt());
            try (JailedPath candidate = session.locate(name, false)) {
                try {
                    candidate.newByteChannel(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)).close();
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                return store(session, candidate, name, Mode.UNIQUE, "FILE: " + Texts.oneLine(name));
            }
        }
        throw fail(ReplyCodes.FILE_NAME_NOT_ALLOWED, "Could not create a unique file name.");
    }

    /** How an upload treats the target. */
    private enum Mode {
        /** STOR: the target is replaced. */
        REPLACE,
        /** APPE: the data goes after the target's end. */
        APPEND,
        /** STOU: the target is the empty file STOU just created for this upload; it is removed if the upload fails. */
        UNIQUE
    }

    private static Reply store(Session session, JailedPath target, String shownName, Mode mode, String stouText)
            throws Exception {
        session.requirePermission(Permission.WRITE);
        boolean append = mode == Mode.APPEND;
        long offset = session.parameters().takeRestOffset();
        if (target.exists() && target.attributes().isDirectory()) {
            // RFC 959 §5.4 lists 553 (file name not allowed) for STOR, not 550
            throw fail(ReplyCodes.FILE_NAME_NOT_ALLOWED, "Is a directory.");
        }
        Path parent = target.path().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "No such directory.");
        }
        String opening = stouText != null ? stouText : opening(session, shownName, -1);
        boolean inPlace = append || offset > 0 || !session.config().atomicUploads();
        if (inPlace) {
            Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
            if (append || offset > 0) {
                // REST+STOR writes through APPEND too: some providers (the zip file system) empty a file opened
                // for WRITE without APPEND, which would lose the bytes before the offset. With APPEND every write
                // goes to the end, which is the offset once the rest is truncated.
                options.add(StandardOpenOption.APPEND);
            } else {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            try (SeekableByteChannel file = target.newByteChannel(options)) {
                if (offset > 0) {
                    if (offset > file.size()) {
                        throw fail(ReplyCodes.INVALID_REST, "Restart offset beyond the end of the file.");
                    }
                    if (offset < file.size()) {
                        file.truncate(offset); // RFC 3659 §5: the data sent replaces everything from the offset on
                    }
                }
                try (SocketDataConnection data = session.dataChannels().open(opening)) {
                    receive(session, data, file);
                }
                sync(session, file);
            }
            return Reply.of(ReplyCodes.CLOSING_DATA, "Transfer complete.");
        }
        // atomic: write beside the target, rename onto it only after the data connection closed cleanly and the
        // client is still there and not aborting (for STOU onto the empty file that reserves the name)
        JailedPath temp = target.sibling(TEMP_PREFIX + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".part");
        boolean moved = false;
        try {
            try (SeekableByteChannel file = temp.newByteChannel(Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW))) {
                try (SocketDataConnection data = session.dataChannels().open(opening)) {
                    receive(session, data, file);
                }
                sync(session, file);
            }
            session.transfers().requireClientWaiting(); // an ABOR waiting or the client gone: keep the old file
            temp.renameTo(target);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp); // the temp name is hidden from listings
                if (mode == Mode.UNIQUE) {
                    deleteQuietly(target); // the reservation: no upload came to fill it
                }
            }
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Transfer complete.");
    }

    private static void deleteQuietly(JailedPath path) {
        try {
            path.deleteFile();
        } catch (IOException ignored) {
            // nothing else to do
        }
    }

    private static void receive(Session session, SocketDataConnection data, SeekableByteChannel file)
            throws IOException {
        if (session.asciiType()) {
            TransferIo.receive(data.input(), file, true);
        } else {
            data.receiveInto(file);
        }
    }

    private static void sync(Session session, SeekableByteChannel file) throws IOException {
        if (session.config().syncUploads() && file instanceof FileChannel channel) {
            channel.force(true);
        }
    }

    private static String opening(Session session, String name, long size) {
        return "Opening " + (session.asciiType() ? "ASCII" : "BINARY") + " mode data connection for "
                + Texts.oneLine(Texts.excerpt(name, 200)) + (size >= 0 ? " (" + size + " bytes)." : ".");
    }
}
