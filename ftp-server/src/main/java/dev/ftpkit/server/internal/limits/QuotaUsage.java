package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.internal.files.TemporaryNames;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What one home directory holds, counted once by walking it and then kept up to date by the uploads and deletions
 * of every session whose account lives there; guarded by its own lock. {@code reserved} holds the bytes that
 * uploads still running have written beyond what they replace, so two sessions cannot both fill the last room.
 */
final class QuotaUsage {

    private long bytes;
    private long files;
    private long reserved;

    /**
     * Walks a tree: the regular files and their sizes, symbolic links not followed, the server's own temporary
     * files (unfinished uploads) left out.
     */
    static QuotaUsage walk(Path home) throws IOException {
        QuotaUsage usage = new QuotaUsage();
        if (!Files.isDirectory(home)) {
            return usage;
        }
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path name = file.getFileName();
                if (attributes.isRegularFile()
                        && (name == null || !name.toString().startsWith(TemporaryNames.PREFIX))) {
                    usage.bytes += attributes.size();
                    usage.files++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable entry counts as nothing rather than failing the login
            }
        });
        return usage;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long files() {
        return files;
    }

    /**
     * Reserves more bytes for a running upload if the total stays within the limit.
     *
     * @param more  the growth of the upload's reservation
     * @param limit the account's byte limit
     * @return false, reserving nothing, if it would pass the limit
     */
    synchronized boolean reserve(long more, long limit) {
        if (bytes + reserved + more > limit) {
            return false;
        }
        reserved += more;
        return true;
    }

    /** Ends a running upload's reservation and applies what it changed. */
    synchronized void settle(long reservation, long bytesDelta, long filesDelta) {
        reserved -= reservation;
        bytes = Math.max(0, bytes + bytesDelta);
        files = Math.max(0, files + filesDelta);
    }
}
