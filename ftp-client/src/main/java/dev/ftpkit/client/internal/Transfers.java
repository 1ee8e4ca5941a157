package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferProgress.Direction;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transfers of one session: at most one open at a time (no other command may be sent until its stream is
 * closed), the TYPE told to the server only when it changes, and the copying between the data connection and
 * local files or streams.
 */
final class Transfers {

    /** RFC 1123 §4.1.2.9: STOU's 1xx/2xx reply names the file as "FILE: name". */
    private final FtpClientConfig config;
    private final ControlConnection control;
    private final TransferOpener opener;
    private TransferType transferType;
    /** The TYPE the server was last told; null when unknown (after login). */
    private TransferType serverType;
    /** Whether transfers use MODE Z (draft-preston-ftpext-deflate), and what the server was last told. */
    private boolean modeZ;
    private boolean serverModeZ;
    private DataTransfer current;

    Transfers(FtpClientConfig config, ControlConnection control) {
        this.config = config;
        this.control = control;
        this.opener = new TransferOpener(config, control, DataConnector.of(config, control));
        this.transferType = config.transferType();
        this.modeZ = config.modeZ();
    }

    /** Protects the data connections from now on (after PROT P), or not (null, after PROT C). */
    void protectData(TlsLayer layer) {
        opener.protectData(layer);
    }

    TransferType transferType() {
        return transferType;
    }

    void transferType(TransferType type) {
        transferType = type;
    }

    boolean modeZ() {
        return modeZ;
    }

    void modeZ(boolean deflate) {
        modeZ = deflate;
    }

    /** Sends TYPE before the next transfer whatever the server was told before (a new login, whose MODE is S). */
    void forgetServerType() {
        serverType = null;
        serverModeZ = false;
    }

    void ensureType() throws IOException {
        if (serverType != transferType) {
            expectCompletion(Command.of("TYPE", transferType.code()));
            serverType = transferType;
        }
    }

    /** MODE before a transfer, only when it changed (so SIZE and logins never depend on MODE Z). */
    private void ensureMode() throws IOException {
        if (serverModeZ != modeZ) {
            // a server without MODE Z answers 504: the transfer fails with that reply rather than silently
            // going uncompressed
            expectCompletion(Command.of("MODE", modeZ ? "Z" : "S"));
            serverModeZ = modeZ;
        }
    }

    /** TYPE I and MODE S for a server-to-server copy, which needs no conversion on either side. */
    void prepareForCopy() throws IOException {
        requireIdle();
        if (serverType != TransferType.BINARY) {
            expectCompletion(Command.of("TYPE", TransferType.BINARY.code()));
            serverType = TransferType.BINARY;
        }
        if (serverModeZ) {
            expectCompletion(Command.of("MODE", "S"));
            serverModeZ = false;
        }
    }

    /** Sends a command; a reply that is not 2yz throws. */
    Reply expectCompletion(Command command) throws IOException {
        requireIdle();
        Reply reply = control.execute(command);
        if (!reply.code().isPositiveCompletion()) {
            throw new FtpReplyException(command.toString(), reply);
        }
        return reply;
    }

    /** Whether no transfer is open. */
    boolean isIdle() {
        return current == null;
    }

    void requireIdle() throws IOException {
        if (!control.isOpen()) {
            throw new IOException("the connection is closed");
        }
        if (current != null) {
            throw new IllegalStateException("a transfer is in progress: close or abort its stream first");
        }
    }

    // ---------------------------------------------------------------- opening

    DataTransfer openDownload(Command command, long restOffset) throws IOException {
        return open(command, restOffset, restOffset, Direction.DOWNLOAD, OptionalLong.empty());
    }

    DataTransfer openUpload(Command command) throws IOException {
        return open(command, 0, 0, Direction.UPLOAD, OptionalLong.empty());
    }

    /** {@code offset}: where in the file the transfer starts (the REST offset, or the remote size before APPE). */
    private DataTransfer open(Command command, long restOffset, long offset, Direction direction, OptionalLong total)
            throws IOException {
        requireIdle();
        ensureType();
        ensureMode();
        current = opener.open(this, command, restOffset, offset, direction, total,
                modeZ ? config.modeZLevel() : -1);
        return current;
    }

    void transferFinished(DataTransfer transfer) {
        if (current == transfer) {
            current = null;
        }
    }

    // ---------------------------------------------------------------- copying

    /**
     * RETR into a local file, opened with {@code options} (none: created or truncated). The transfer opens first,
     * so a refused RETR does not leave an empty local file behind.
     */
    long retrieve(String remote, Path local, long restOffset, OpenOption... options) throws IOException {
        DataTransfer transfer = openDownload(Command.of("RETR", remote), restOffset);
        FileChannel file;
        try {
            file = FileChannel.open(local, writeOptions(options));
        } catch (IOException | RuntimeException localFailure) {
            Copying.abortQuietly(transfer, localFailure);
            throw localFailure;
        }
        try (file) {
            SocketChannel plain = transferType == TransferType.BINARY ? transfer.plainChannel() : null;
            if (plain != null) {
                return ChannelCopy.download(transfer, plain, file, config.bufferSize());
            }
            return download(transfer, Channels.newOutputStream(file));
        }
    }

    /** {@link Files#newOutputStream}'s options for a {@link FileChannel}: none means create or truncate. */
    private static Set<OpenOption> writeOptions(OpenOption... options) {
        Set<OpenOption> set = new HashSet<>(Arrays.asList(options));
        if (set.isEmpty()) {
            set.addAll(List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
        }
        set.add(StandardOpenOption.WRITE);
        return set;
    }

    long download(DataTransfer transfer, OutputStream out) throws IOException {
        return Copying.copyDownload(transfer, out, transferType, config.bufferSize());
    }

    InputStream downloadStream(DataTransfer transfer) throws IOException {
        return Copying.downloadStream(transfer, transferType);
    }

    /** Sends a local file from {@code localOffset} on, with REST {@code restOffset} when it is above 0. */
    long upload(Path local, long localOffset, Command command, long restOffset) throws IOException {
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.READ)) {
            long size = channel.size();
            channel.position(localOffset);
            DataTransfer transfer = open(command, restOffset, localOffset, Direction.UPLOAD, OptionalLong.of(size));
            SocketChannel plain = transferType == TransferType.BINARY ? transfer.plainChannel() : null;
            if (plain != null) {
                return ChannelCopy.upload(transfer, plain, channel, config.bufferSize());
            }
            return upload(transfer, Channels.newInputStream(channel));
        }
    }

    long upload(DataTransfer transfer, InputStream in) throws IOException {
        return Copying.copyUpload(transfer, in, transferType, config.bufferSize());
    }

    OutputStream uploadStream(DataTransfer transfer) throws IOException {
        return Copying.uploadStream(transfer, transferType, config.bufferSize());
    }

    /** STOU: the name the server chose, from its 1xx or final reply, else the final reply's text. */
    String storeUnique(InputStream in) throws IOException {
        DataTransfer transfer = openUpload(Command.of("STOU"));
        Reply preliminary = transfer.preliminaryReplyOrNull();
        upload(transfer, in);
        for (Reply reply : new Reply[] {preliminary, transfer.finalReplyOrNull()}) {
            if (reply != null) {
                Matcher m = StouFile.PATTERN.matcher(reply.firstLine());
                if (m.find()) {
                    return m.group(1).trim();
                }
            }
        }
        Reply last = transfer.finalReplyOrNull();
        return last == null ? "" : last.text();
    }

    // ---------------------------------------------------------------- ending

    /** Aborts the open transfer, if any (ABOR, RFC 959 §4.1.3). */
    void abort() throws IOException {
        DataTransfer transfer = current;
        if (transfer != null) {
            transfer.abort();
        }
    }

    /** Closes the open transfer's data connection, if any, without waiting for its reply. */
    void closeSilently() {
        if (current != null) {
            current.closeSilently();
        }
    }

    /** The name in a STOU reply ("FILE: name", RFC 1123 4.1.2.9), compiled on the first STOU, not on every put. */
    private static final class StouFile {
        static final Pattern PATTERN = Pattern.compile("FILE: ?(.+)$");
    }
}
