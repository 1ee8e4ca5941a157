package dev.ftpkit.server.internal.files;

import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.StorageFullException;
import dev.ftpkit.server.internal.ErrorMapper;
import dev.ftpkit.server.internal.data.DataConnectionException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Gives a type to the storage failures the JDK reports without one. The default file system reports ENOSPC and
 * EDQUOT as a plain {@link IOException} (or {@link FileSystemException}) whose only trace is the system's error
 * text ("No space left on device", "Disk quota exceeded"), so this is the one place that reads that text, and only
 * for failures while an upload is written; {@link ErrorMapper} then maps by type.
 */
public final class StorageErrors {

    private StorageErrors() {
    }

    /**
     * The typed form of a failure while writing an upload.
     *
     * @param failure what the write, sync or close threw
     * @return a {@link StorageFullException} or {@link QuotaExceededException} for those conditions, else the
     *         failure itself
     */
    public static IOException typed(IOException failure) {
        if (failure instanceof StorageFullException || failure instanceof QuotaExceededException
                || failure instanceof DataConnectionException) {
            return failure;
        }
        String reason = failure instanceof FileSystemException e ? e.getReason() : failure.getMessage();
        String text = String.valueOf(reason).toLowerCase(Locale.ROOT);
        String file = failure instanceof FileSystemException e ? e.getFile() : null;
        IOException typed;
        if (text.contains("no space left") || text.contains("disk full") || text.contains("not enough space")) {
            typed = new StorageFullException(file, reason);
        } else if (text.contains("quota")) {
            typed = new QuotaExceededException(file, reason);
        } else {
            return failure;
        }
        typed.initCause(failure);
        return typed;
    }
}
