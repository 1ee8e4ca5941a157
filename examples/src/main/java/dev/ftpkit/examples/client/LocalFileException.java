package dev.ftpkit.examples.client;

import java.io.IOException;

/** A failure of the local file system (exit code 4), told apart from network failures (exit code 3). */
final class LocalFileException extends IOException {
    private static final long serialVersionUID = 1L;

    LocalFileException(String message) {
        super(message);
    }
}
