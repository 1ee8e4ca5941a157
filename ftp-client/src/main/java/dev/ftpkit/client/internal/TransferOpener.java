package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.client.TransferProgress.Direction;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;
import java.net.Socket;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts transfers: gets the data connection ready (passive or active strategy), sends the optional REST and the
 * transfer command, and reads its 1xx reply.
 */
final class TransferOpener {

    /** vsftpd, ProFTPD and others announce the size in the 150 reply: "... (1234 bytes)." */
    private final FtpClientConfig config;
    private final ControlConnection control;
    private final DataConnector connector;
    /** TLS for data connections after PROT P; null for plain data connections. */
    private TlsLayer dataTls;

    TransferOpener(FtpClientConfig config, ControlConnection control, DataConnector connector) {
        this.config = config;
        this.control = control;
        this.connector = connector;
    }

    /** Protects the data connections from now on (after PROT P), or not (null, after PROT C). */
    void protectData(TlsLayer layer) {
        dataTls = layer;
    }

    /**
     * Opens the data connection and sends the transfer command (RFC 959 §5.4: PASV/EPSV or PORT/EPRT, optional
     * REST, the command, its 1xx reply).
     */
    DataTransfer open(Transfers owner, Command command, long restOffset, long offset, Direction direction,
                      OptionalLong total, int modeZLevel)
            throws IOException {
        DataConnector.PendingData pending = connector.prepare();
        try {
            if (restOffset > 0) {
                // RFC 959 §4.1.3: REST is followed immediately by the transfer command.
                Reply rest = control.execute(Command.of("REST", Long.toString(restOffset)));
                if (rest.codeValue() != ReplyCodes.FILE_ACTION_PENDING) {
                    throw new FtpReplyException("REST " + restOffset, rest);
                }
            }
            control.send(command);
            Reply reply = control.readReply();
            long keepAlive = config.keepAliveInterval().toNanos();
            if (reply.code().isPositivePreliminary()) {
                OptionalLong announced = total.isPresent() ? total : announcedSize(reply);
                Socket plain;
                try {
                    plain = pending.socket();
                } catch (IOException noDataConnection) {
                    resynchronize(noDataConnection);
                    throw noDataConnection;
                }
                Socket socket = dataTls != null ? secure(plain, command, direction) : plain;
                return new DataTransfer(owner, control, socket, plain, command, direction, offset, announced,
                        config.transferListener(), keepAlive, config.dataTimeout().toNanos(), reply, null, modeZLevel);
            }
            if (reply.code().isPositiveCompletion()) {
                // No 1xx at all: the transfer is already over (nothing to send or receive).
                pending.close();
                return new DataTransfer(owner, control, null, null, command, direction, offset, total,
                        config.transferListener(), keepAlive, config.dataTimeout().toNanos(), null, reply, modeZLevel);
            }
            throw new FtpReplyException(command.toString(), reply);
        } catch (IOException | RuntimeException e) {
            pending.close();
            throw e;
        }
    }

    /**
     * Runs the data connection's TLS handshake (RFC 4217 §7). When it fails the server has given up on the transfer
     * (vsftpd: {@code 522 SSL connection failed: session reuse required}); its reply is read and carried by the
     * exception.
     */
    private Socket secure(Socket plain, Command command, Direction direction) throws IOException {
        try {
            return dataTls.secureData(plain, direction == Direction.DOWNLOAD);
        } catch (IOException handshakeFailure) {
            DataSockets.closeQuietly(plain);
            Reply reply = null;
            try {
                reply = control.readFinalReply();
            } catch (IOException replyFailure) {
                handshakeFailure.addSuppressed(replyFailure);
            }
            String said = reply == null ? "" : "; the server said " + reply.codeValue() + " " + reply.text();
            throw new FtpTransferException(command + ": the TLS handshake on the data connection failed: "
                    + handshakeFailure.getMessage() + said, 0, reply, handshakeFailure);
        }
    }

    /**
     * The server said 1xx but no data connection came (active mode): ABOR the transfer the server thinks is
     * running, then NOOP until its 200 so the next command gets its own reply. On failure the connection closes.
     */
    private void resynchronize(IOException cause) {
        try {
            control.sendAbort();
            control.send(Command.of("NOOP"));
            // Bounded: the transfer's reply (425/426/226), ABOR's reply, then NOOP's.
            for (int i = 0; i < 5; i++) {
                if (control.readReply().codeValue() == ReplyCodes.COMMAND_OK) {
                    control.inStep();
                    return;
                }
            }
            control.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
            control.close();
        }
    }

    private static OptionalLong announcedSize(Reply reply) {
        Matcher m = SizeIn150.PATTERN.matcher(reply.firstLine());
        if (m.find()) {
            try {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            } catch (NumberFormatException tooBig) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The size some servers put in a download's 150 reply, compiled on the first download, not on an upload. */
    private static final class SizeIn150 {
        static final Pattern PATTERN = Pattern.compile("\\((\\d{1,19}) bytes\\)");
    }
}
