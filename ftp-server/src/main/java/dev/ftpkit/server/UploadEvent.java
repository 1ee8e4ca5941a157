package dev.ftpkit.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An upload committed to its final name ({@link ServerHook#afterUpload}).
 *
 * @param verb     STOR, STOU or APPE
 * @param path     the absolute FTP path
 * @param file     the file in the session's file system
 * @param bytes    how many bytes arrived over the data connection
 * @param duration from the command to the commit
 */
public record UploadEvent(String verb, String path, Path file, long bytes, Duration duration) {
}
