package dev.ftpkit.server;

import java.time.Duration;

/**
 * The end of one data transfer.
 *
 * @param verb     the command, e.g. {@code "RETR"}
 * @param path     the path as the client named it (empty for a listing of the working directory)
 * @param bytes    how many bytes went over the data connection
 * @param duration how long the transfer took
 * @param success  whether it ended with 226
 */
public record TransferEvent(String verb, String path, long bytes, Duration duration, boolean success) {
}
