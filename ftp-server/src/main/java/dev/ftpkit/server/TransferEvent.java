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

    /** Which way a transfer's bytes flowed. */
    public enum Direction {
        /** From the client to the server: STOR, STOU, APPE. */
        UPLOAD,
        /** From the server to the client: RETR. */
        DOWNLOAD,
        /** A directory listing sent to the client: LIST, NLST, MLSD (and transfer commands of your own). */
        LISTING
    }

    /**
     * Which way the bytes flowed, told by the verb.
     *
     * @return upload, download or listing
     */
    public Direction direction() {
        return switch (verb) {
            case "STOR", "STOU", "APPE" -> Direction.UPLOAD;
            case "RETR" -> Direction.DOWNLOAD;
            default -> Direction.LISTING;
        };
    }
}
