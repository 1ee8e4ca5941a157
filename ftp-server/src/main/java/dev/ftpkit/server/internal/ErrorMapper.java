package dev.ftpkit.server.internal;

import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.NetworkProtocol;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.core.UnsupportedNetworkProtocolException;
import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.StorageFullException;
import dev.ftpkit.server.internal.data.DataChannelException;
import dev.ftpkit.server.internal.data.DataConnectionException;
import dev.ftpkit.server.internal.session.HookFailedException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where exceptions become replies, chosen by the exception's type (never by its message). Texts
 * are fixed or sanitized: no exception message with a host path and never a stack trace reaches the client.
 */
public final class ErrorMapper {

    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

    /** One row of the table: a failure type and its fixed reply. */
    private record Row(Class<? extends Throwable> type, Reply reply) {
    }

    /**
     * Failure types with a fixed reply, most specific first (a subclass before its superclass): the first row
     * the failure is an instance of wins. RFC 959 §4.2 codes; 426 for a broken data connection.
     */
    private static final List<Row> FIXED = List.of(
            new Row(DataConnectionException.class,
                    Reply.of(ReplyCodes.TRANSFER_ABORTED, "Connection closed; transfer aborted.")),
            new Row(SocketTimeoutException.class,
                    Reply.of(ReplyCodes.TRANSFER_ABORTED, "Data connection timed out; transfer aborted.")),
            new Row(StorageFullException.class,
                    Reply.of(ReplyCodes.INSUFFICIENT_STORAGE, "Insufficient storage space.")),
            new Row(QuotaExceededException.class,
                    Reply.of(ReplyCodes.EXCEEDED_STORAGE, "Exceeded storage allocation.")),
            new Row(NoSuchFileException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "No such file or directory.")),
            new Row(AccessDeniedException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.")),
            new Row(ReadOnlyFileSystemException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.")),
            new Row(FileAlreadyExistsException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "File exists.")),
            new Row(DirectoryNotEmptyException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Directory not empty.")),
            new Row(NotDirectoryException.class, Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Not a directory.")),
            new Row(InvalidPathException.class, Reply.of(ReplyCodes.FILE_NAME_NOT_ALLOWED, "File name not allowed.")),
            new Row(UnsupportedOperationException.class,
                    Reply.of(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Not supported by this file system.")));

    /** What each data-connection failure answers (RFC 959 §4.2 425; 522 for TLS, as vsftpd answers). */
    private static final Map<DataChannelException.Reason, Reply> DATA_CHANNEL_REPLIES = new EnumMap<>(Map.of(
            DataChannelException.Reason.NOT_PREPARED,
            Reply.of(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "Use PORT or PASV first."),
            DataChannelException.Reason.PASSIVE_PORTS_EXHAUSTED,
            Reply.of(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "No passive port available; try again later."),
            DataChannelException.Reason.CANNOT_CONNECT,
            Reply.of(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "Failed to establish connection."),
            DataChannelException.Reason.FOREIGN_ADDRESS,
            Reply.of(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "Security: data connection from a foreign address refused."),
            // vsftpd's force_local_data_ssl reply
            DataChannelException.Reason.PROTECTION_REQUIRED,
            Reply.of(ReplyCodes.DATA_CONNECTION_TLS_FAILED, "Data connections must be encrypted."),
            DataChannelException.Reason.TLS_FAILED,
            Reply.of(ReplyCodes.DATA_CONNECTION_TLS_FAILED, "SSL connection failed."),
            // vsftpd's require_ssl_reuse reply, word for word: clients and scripts match it
            DataChannelException.Reason.TLS_NOT_RESUMED,
            Reply.of(ReplyCodes.DATA_CONNECTION_TLS_FAILED, "SSL connection failed: session reuse required")));

    private static final Reply LOCAL_ERROR = Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR, "Local error in processing.");

    private ErrorMapper() {
    }

    /**
     * The reply for a failure of a command handler.
     *
     * @param failure what the handler threw
     * @param verb    the command, for the log
     * @return the reply to send
     */
    public static Reply toReply(Throwable failure, String verb) {
        if (failure instanceof FtpReplyException e) {
            return e.reply();
        }
        if (failure instanceof DataChannelException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> verb + ": data connection failed: " + e.reason());
            return DATA_CHANNEL_REPLIES.get(e.reason());
        }
        if (failure instanceof UnsupportedNetworkProtocolException) {
            // RFC 2428 §2: 522 names the protocols the server supports
            return ExtendedPassive.unsupportedProtocolReply(Set.of(NetworkProtocol.IPV4, NetworkProtocol.IPV6));
        }
        if (failure instanceof FtpProtocolException e) {
            return Reply.of(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS,
                    "Syntax error in arguments: " + Texts.oneLine(Texts.excerpt(String.valueOf(e.getMessage()), 200)));
        }
        if (failure instanceof HookFailedException) {
            LOG.log(System.Logger.Level.WARNING, verb + ": " + failure.getMessage(), failure.getCause());
            return LOCAL_ERROR;
        }
        for (Row row : FIXED) {
            if (row.type().isInstance(failure)) {
                return row.reply();
            }
        }
        if (failure instanceof FileSystemException) {
            LOG.log(System.Logger.Level.DEBUG, () -> verb + " failed: " + failure);
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Requested action not taken.");
        }
        if (failure instanceof IOException) {
            LOG.log(System.Logger.Level.DEBUG, () -> verb + " failed: " + failure);
            return LOCAL_ERROR;
        }
        LOG.log(System.Logger.Level.WARNING, verb + " handler failed", failure);
        return LOCAL_ERROR;
    }
}
