package dev.ftpkit.client.sync;

import dev.ftpkit.client.FileHash;
import dev.ftpkit.client.FtpClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * Copies one file of a mirror on a worker's connection, then makes the target's time equal to the source's (local
 * file time after a download, MFMT after an upload when offered) and, with verification, checks the server's hash.
 */
final class FileCopier {

    private final MirrorSettings settings;
    private final boolean setRemoteTimes;
    private final boolean hashOffered;
    private final boolean mdtm;

    FileCopier(MirrorSettings settings, boolean setRemoteTimes, boolean hashOffered, boolean mdtm) {
        this.settings = settings;
        this.setRemoteTimes = setRemoteTimes;
        this.hashOffered = hashOffered;
        this.mdtm = mdtm;
    }

    /** One attempt; attempts after the first resume a download's part file. */
    void copy(FtpClient client, SyncEntry file, int attempt) throws IOException {
        if (settings.downloading()) {
            download(client, file, attempt);
        } else {
            upload(client, file);
        }
    }

    private void download(FtpClient client, SyncEntry file, int attempt) throws IOException {
        Path target = settings.local(file.path());
        Path part = target.resolveSibling("." + target.getFileName() + LocalTree.PART_SUFFIX);
        String remote = settings.remote(file.path());
        if (attempt == 1) {
            // A part left by an earlier run may hold an older version of the file: start clean.
            Files.deleteIfExists(part);
        }
        client.resumeRetrieve(remote, part);
        long size = Files.size(part);
        if (size != file.size()) {
            throw new IOException(remote + ": received " + size + " bytes, the listing said " + file.size());
        }
        verify(client, remote, part);
        // Without MLSD the listing had no usable time: ask for it here, on this worker's connection.
        Optional<Instant> modified = file.modified().isEmpty() && mdtm
                ? Optional.of(client.modificationTime(remote)) : file.modified();
        if (modified.isPresent()) {
            Files.setLastModifiedTime(part, FileTime.from(modified.get()));
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void upload(FtpClient client, SyncEntry file) throws IOException {
        Path source = settings.local(file.path());
        String remote = settings.remote(file.path());
        client.store(source, remote);
        Optional<Instant> modified = file.modified();
        if (setRemoteTimes && modified.isPresent()) {
            client.setModificationTime(remote, modified.get());
        }
        verify(client, remote, source);
    }

    private void verify(FtpClient client, String remote, Path local) throws IOException {
        if (!settings.verify() || !hashOffered) {
            return;
        }
        Optional<FileHash> expected = client.hash(remote);
        if (expected.isPresent() && !expected.get().matches(local)) {
            throw new IOException(remote + ": the copy does not match the server's " + expected.get().algorithm()
                    + " hash " + expected.get().hex());
        }
    }
}
