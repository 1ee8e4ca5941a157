package dev.ftpkit.client.internal.fs;

import dev.ftpkit.core.FtpReplyException;

import java.nio.file.FileSystemException;

/**
 * Turns a refused FTP command into the {@code java.nio.file} exception a caller of {@code Files} expects. A reply
 * code alone cannot tell "no such file" from "permission denied" (RFC 959 §4.2 has one 550 for both), so callers
 * ask the server about the path first and pick the subclass; whatever they pick carries the reply as its cause.
 */
final class Failures {

    private Failures() {
    }

    /** The exception, with the refused command as its cause. */
    static <E extends FileSystemException> E because(E exception, FtpReplyException refused) {
        exception.initCause(refused);
        return exception;
    }

    /** A refusal no probe could explain: the server's own words, the reply as the cause. */
    static FileSystemException refused(FtpPath path, FtpReplyException refused) {
        return because(new FileSystemException(path.toString(), null, refused.getMessage()), refused);
    }

    /** A refusal about two paths (rename, copy). */
    static FileSystemException refused(FtpPath source, FtpPath target, FtpReplyException refused) {
        return because(new FileSystemException(source.toString(), target.toString(), refused.getMessage()), refused);
    }
}
