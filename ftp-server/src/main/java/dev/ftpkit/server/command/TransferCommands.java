package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommitsAtClose;
import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.FileOperation;
import dev.ftpkit.server.FileRequest;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.StorageQuota;
import dev.ftpkit.server.UploadEvent;
import dev.ftpkit.server.internal.Texts;
import dev.ftpkit.server.internal.files.TemporaryNames;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import static dev.ftpkit.server.command.Replies.fail;

/** RETR, STOR, STOU, APPE (RFC 959 §4.1.3) with REST (RFC 3659 §5) and atomic uploads. */
final class TransferCommands {

    /** Temporary upload files start with this; listings hide them. */
    static final String TEMP_PREFIX = TemporaryNames.PREFIX;

    private TransferCommands() {
    }

    /**
     * The random part of upload names, made on the first upload rather than with this class: starting a
     * SecureRandom (its provider and seed) took 20-30 ms of a fresh JVM, which a server's first download paid
     * before its first byte although downloads never need it.
     */
    private static final class UploadNames {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    static Reply retr(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        Replies.requireArgument(command);
        try (JailedPath path = session.locate(command.argument(), true)) {
            session.authorize(FileRequest.of(FileOperation.DOWNLOAD, session.ftpPath(command.argument())));
            long offset = session.parameters().takeRestOffset();
            if (path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Not a plain file.");
            }
            return send(session, command, path, offset);
        }
    }

    private static Reply send(CommandContext session, Command command, JailedPath path, long offset)
            throws Exception {
        try (SeekableByteChannel file = path.newByteChannel(Set.of(StandardOpenOption.READ))) {
            if (offset > file.size()) {
                throw fail(ReplyCodes.INVALID_REST, "Restart offset beyond the end of the file.");
            }
            file.position(offset);
            String opening = opening(session, command.argument(), file.size());
            try (DataConnection data = session.dataConnections().open(opening)) {
                data.sendFile(file, path.path());
            }
        }
        return Reply.of(ReplyCodes.CLOSING_DATA, "Transfer complete.");
    }

    static Reply stor(Command command, CommandContext session) throws Exception {
        Replies.requireArgument(command);
        try (JailedPath target = session.locate(command.argument(), false)) {
            return store(command, session, target, command.argument(), Mode.REPLACE, null);
        }
    }

    static Reply appe(Command command, CommandContext session) throws Exception {
        Replies.requireArgument(command);
        try (JailedPath target = session.locate(command.argument(), false)) {
            return store(command, session, target, command.argument(), Mode.APPEND, null);
        }
    }

    /**
     * RFC 959 §4.1.3 STOU; RFC 1123 §4.1.2.9: the 150 reply names the file as {@code FILE: name}. The name is
     * reserved by creating the file exclusively (O_EXCL), so two sessions never get the same one; a name already
     * taken makes it try another.
     */
    static Reply stou(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.WRITE);
        String base = command.hasArgument() && !command.argument().contains("/") ? command.argument() : "ftpkit";
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = attempt == 0 && command.hasArgument() ? base
                    : base + "." + HexFormat.of().toHexDigits(UploadNames.RANDOM.nextInt());
            try (JailedPath candidate = session.locate(name, false)) {
                try {
                    candidate.newByteChannel(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)).close();
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                return store(command, session, candidate, name, Mode.UNIQUE, "FILE: " + Texts.oneLine(name));
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

    private static Reply store(Command command, CommandContext session, JailedPath target, String shownName,
                               Mode mode, String stouText) throws Exception {
        long started = System.nanoTime();
        boolean append = mode == Mode.APPEND;
        session.requirePermission(Permission.WRITE);
        String ftpPath = session.ftpPath(shownName);
        session.authorize(FileRequest.of(FileOperation.UPLOAD, ftpPath));
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
        Optional<CommitsAtClose> wholeObjects = CommitsAtClose.of(target.path());
        if (wholeObjects.isPresent()) {
            if (append || offset > 0) {
                throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED,
                        (append ? "APPE" : "REST with STOR") + " is not supported here: this storage writes whole files.");
            }
            return storeAtClose(command, session, target, mode, wholeObjects.get(), opening, ftpPath, started);
        }
        boolean inPlace = append || offset > 0 || !session.settings().atomicUploads();
        // STOU's target is its own empty reservation: the upload creates the file as far as the quota goes
        boolean existed = mode != Mode.UNIQUE && target.exists();
        StorageQuota.Upload upload;
        try {
            upload = startCounting(session, target, ftpPath, existed, append, offset);
        } catch (QuotaExceededException full) {
            if (mode == Mode.UNIQUE) {
                deleteQuietly(target); // the reservation: no upload will fill it
            }
            throw full;
        }
        long received;
        try {
            received = inPlace ? storeInPlace(session, target, opening, upload, append, offset, existed)
                    : storeAtomically(session, target, opening, upload, mode);
        } finally {
            if (upload != StorageQuota.Upload.UNCOUNTED) {
                // whatever the upload left (the new file, the old one, none) is what the account now stores
                boolean exists = target.exists();
                upload.settle(exists ? target.attributes().size() : 0, exists);
            }
        }
        return committed(command, session, ftpPath, target.path(), received, started);
    }

    /** Starts counting an upload against the account's quota; without one, nothing (not even a stat) happens. */
    private static StorageQuota.Upload startCounting(CommandContext session, JailedPath target, String ftpPath,
                                                     boolean existed, boolean append, long offset)
            throws IOException {
        StorageQuota quota = session.quota();
        if (quota == StorageQuota.UNLIMITED) {
            return StorageQuota.Upload.UNCOUNTED;
        }
        long sizeBefore = existed ? target.attributes().size() : 0;
        long kept = append ? sizeBefore : Math.min(offset, sizeBefore);
        return quota.startUpload(ftpPath, sizeBefore, existed, kept);
    }

    /**
     * APPE, REST+STOR, and STOR without atomic uploads: writes into the target. An upload over the quota is undone:
     * the bytes already there stay (APPE, REST), a file the upload created or emptied goes.
     */
    private static long storeInPlace(CommandContext session, JailedPath target, String opening,
                                     StorageQuota.Upload upload, boolean append, long offset, boolean existed)
            throws Exception {
        Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
        if (append || offset > 0) {
            // REST+STOR writes through APPEND too: some providers (the zip file system) empty a file opened
            // for WRITE without APPEND, which would lose the bytes before the offset. With APPEND every write
            // goes to the end, which is the offset once the rest is truncated.
            options.add(StandardOpenOption.APPEND);
        } else {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        long received;
        try (SeekableByteChannel file = target.newByteChannel(options)) {
            long start = file.size();
            if (offset > 0) {
                if (offset > file.size()) {
                    throw fail(ReplyCodes.INVALID_REST, "Restart offset beyond the end of the file.");
                }
                if (offset < file.size()) {
                    file.truncate(offset); // RFC 3659 §5: the data sent replaces everything from the offset on
                }
                start = offset;
            }
            try (DataConnection data = session.dataConnections().open(opening)) {
                received = data.receiveFile(upload.track(file));
            } catch (QuotaExceededException over) {
                file.truncate(start);
                throw over;
            }
            sync(session, file);
        } catch (QuotaExceededException over) {
            if (!existed || !(append || offset > 0)) {
                deleteQuietly(target);
            }
            throw over;
        }
        return received;
    }

    /**
     * STOR and STOU with atomic uploads: writes beside the target, renames onto it only after the data connection
     * closed cleanly and the client is still there and not aborting (for STOU onto the empty file that reserves
     * the name).
     */
    private static long storeAtomically(CommandContext session, JailedPath target, String opening,
                                        StorageQuota.Upload upload, Mode mode) throws Exception {
        JailedPath temp = target.sibling(
                TEMP_PREFIX + HexFormat.of().toHexDigits(UploadNames.RANDOM.nextLong()) + ".part");
        boolean moved = false;
        long received;
        try {
            try (SeekableByteChannel file = temp.newByteChannel(Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW))) {
                try (DataConnection data = session.dataConnections().open(opening)) {
                    received = data.receiveFile(upload.track(file));
                }
                sync(session, file);
            }
            session.requireClientWaiting(); // an ABOR waiting or the client gone: keep the old file
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
        return received;
    }

    /**
     * STOR onto storage that publishes files whole at close ({@link CommitsAtClose}): written straight to the target,
     * published only if the data connection closed cleanly and the client is still there and not aborting. (STOU's
     * reservation is a file of its own there, so a failed STOU removes it.)
     */
    private static Reply storeAtClose(Command command, CommandContext session, JailedPath target, Mode mode,
                                      CommitsAtClose storage, String opening, String ftpPath, long started)
            throws Exception {
        boolean[] complete = {false};
        long received;
        try (SeekableByteChannel file = target.newByteChannel(Set.of(StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, storage.commitIf(() -> complete[0])))) {
            try (DataConnection data = session.dataConnections().open(opening)) {
                received = data.receiveFile(file);
            }
            session.requireClientWaiting(); // an ABOR waiting or the client gone: keep the old file
            complete[0] = true;
        } finally {
            if (!complete[0] && mode == Mode.UNIQUE) {
                deleteQuietly(target); // the reservation: no upload came to fill it
            }
        }
        return committed(command, session, ftpPath, target.path(), received, started);
    }

    /** Tells the hooks about the stored file (they may scan or move it), then 226. */
    private static Reply committed(Command command, CommandContext session, String ftpPath, Path target, long bytes,
                                   long startedNanos) throws IOException {
        session.uploadCommitted(new UploadEvent(command.verb(), ftpPath, target, bytes,
                Duration.ofNanos(System.nanoTime() - startedNanos)));
        return Reply.of(ReplyCodes.CLOSING_DATA, "Transfer complete.");
    }

    private static void deleteQuietly(JailedPath path) {
        try {
            path.deleteFile();
        } catch (IOException ignored) {
            // nothing else to do
        }
    }

    private static void sync(CommandContext session, SeekableByteChannel file) throws IOException {
        if (session.settings().syncUploads() && file instanceof FileChannel channel) {
            channel.force(true);
        }
    }

    private static String opening(CommandContext session, String name, long size) {
        return "Opening " + (session.asciiType() ? "ASCII" : "BINARY") + " mode data connection for "
                + Texts.oneLine(Texts.excerpt(name, 200)) + (size >= 0 ? " (" + size + " bytes)." : ".");
    }
}
