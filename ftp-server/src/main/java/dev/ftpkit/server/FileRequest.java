package dev.ftpkit.server;

import java.util.Objects;
import java.util.Optional;

/**
 * A file operation a {@link ServerHook} may veto.
 *
 * @param operation what is about to happen
 * @param path      the absolute FTP path it acts on (the source of a rename), e.g. {@code "/in/report.csv"}
 * @param target    the new absolute FTP path of a rename, empty otherwise
 */
public record FileRequest(FileOperation operation, String path, Optional<String> target) {

    /** Checks that only a rename has a target. */
    public FileRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        if (target.isPresent() != (operation == FileOperation.RENAME)) {
            throw new IllegalArgumentException("a target is given for RENAME and only for it: " + operation);
        }
    }

    /**
     * An operation on one path.
     *
     * @param operation anything but {@link FileOperation#RENAME}
     * @param path      the absolute FTP path
     * @return the request
     */
    public static FileRequest of(FileOperation operation, String path) {
        return new FileRequest(operation, path, Optional.empty());
    }

    /**
     * A rename.
     *
     * @param from the absolute FTP path of the source
     * @param to   the absolute FTP path of the target
     * @return the request
     */
    public static FileRequest rename(String from, String to) {
        return new FileRequest(FileOperation.RENAME, from, Optional.of(to));
    }
}
