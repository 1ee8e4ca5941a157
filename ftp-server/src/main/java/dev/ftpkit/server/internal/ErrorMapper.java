package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.NetworkProtocol;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.core.UnsupportedNetworkProtocolException;
import dev.ftpkit.core.ExtendedPassive;

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
import java.util.Locale;
import java.util.Set;

/**
 * The one place where exceptions become replies. Texts are fixed or sanitized: no exception message with a
 * host path and never a stack trace reaches the client.
 */
public final class ErrorMapper {

    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

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
        if (failure instanceof UnsupportedNetworkProtocolException) {
            // RFC 2428 §2: 522 names the protocols the server supports
            return ExtendedPassive.unsupportedProtocolReply(Set.of(NetworkProtocol.IPV4, NetworkProtocol.IPV6));
        }
        if (failure instanceof FtpProtocolException e) {
            return Reply.of(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS,
                    "Syntax error in arguments: " + Texts.oneLine(Texts.excerpt(String.valueOf(e.getMessage()), 200)));
        }
        if (failure instanceof DataConnectionException) {
            return Reply.of(ReplyCodes.TRANSFER_ABORTED, "Connection closed; transfer aborted.");
        }
        if (failure instanceof SocketTimeoutException) {
            return Reply.of(ReplyCodes.TRANSFER_ABORTED, "Data connection timed out; transfer aborted.");
        }
        if (failure instanceof NoSuchFileException) {
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "No such file or directory.");
        }
        if (failure instanceof AccessDeniedException || failure instanceof ReadOnlyFileSystemException) {
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Permission denied.");
        }
        if (failure instanceof FileAlreadyExistsException) {
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "File exists.");
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Directory not empty.");
        }
        if (failure instanceof NotDirectoryException) {
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Not a directory.");
        }
        if (failure instanceof InvalidPathException) {
            return Reply.of(ReplyCodes.FILE_NAME_NOT_ALLOWED, "File name not allowed.");
        }
        if (failure instanceof UnsupportedOperationException) {
            return Reply.of(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Not supported by this file system.");
        }
        if (failure instanceof IOException e && isStorageFull(e)) {
            return Reply.of(ReplyCodes.INSUFFICIENT_STORAGE, "Insufficient storage space.");
        }
        if (failure instanceof IOException e && isQuotaExceeded(e)) {
            return Reply.of(ReplyCodes.EXCEEDED_STORAGE, "Exceeded storage allocation.");
        }
        if (failure instanceof FileSystemException) {
            LOG.log(System.Logger.Level.DEBUG, () -> verb + " failed: " + failure);
            return Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Requested action not taken.");
        }
        if (failure instanceof IOException) {
            LOG.log(System.Logger.Level.DEBUG, () -> verb + " failed: " + failure);
            return Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR, "Local error in processing.");
        }
        LOG.log(System.Logger.Level.WARNING, verb + " handler failed", failure);
        return Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR, "Local error in processing.");
    }

    private static boolean isStorageFull(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space left") || message.contains("disk full") || message.contains("not enough space");
    }

    private static boolean isQuotaExceeded(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("quota");
    }
}
