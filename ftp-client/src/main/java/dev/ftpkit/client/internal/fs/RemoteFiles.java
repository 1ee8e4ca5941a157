package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpConnectionPool;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.ListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file operations of one FTP file system, each on a connection borrowed from its pool for the operation (or,
 * for streams, until the stream is closed). Paths are sent absolute, so the working directory never matters.
 */
final class RemoteFiles {

    private static final System.Logger LOG = System.getLogger(RemoteFiles.class.getName());

    /** A step that needs a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(FtpClient client) throws IOException;
    }

    /** A name in a directory and what the listing told about it. */
    record Listed(String name, RemoteAttributes attributes) {
    }

    private final FtpFileSystem fileSystem;

    RemoteFiles(FtpFileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    <T> T withClient(Work<T> work) throws IOException {
        try (FtpConnectionPool.Lease lease = fileSystem.lease()) {
            return work.run(lease.client());
        }
    }

    // ---------------------------------------------------------------- attributes

    RemoteAttributes attributes(FtpClient client, FtpPath path) throws IOException {
        return find(client, path).orElseThrow(() -> new NoSuchFileException(path.toString()));
    }

    /**
     * What the server says about a path: MLST when offered (RFC 3659 §7), else SIZE and MDTM for a file (RFC 3659
     * §4, §3) and CWD for a directory, as servers without MLST (vsftpd) answer SIZE only for files.
     */
    Optional<RemoteAttributes> find(FtpClient client, FtpPath path) throws IOException {
        String remote = path.remote();
        if (client.features().has("MLST")) {
            try {
                return Optional.of(RemoteAttributes.of(client.mlst(remote)));
            } catch (FtpReplyException missing) {
                return absentUnlessBroken(client, missing);
            }
        }
        if (remote.equals("/")) {
            return Optional.of(RemoteAttributes.ROOT);
        }
        try {
            long size = client.size(remote);
            return Optional.of(RemoteAttributes.file(size, modified(client, remote)));
        } catch (FtpReplyException notAFile) {
            absentUnlessBroken(client, notAFile);
        }
        try {
            client.changeDirectory(remote);
            return Optional.of(RemoteAttributes.directory(Instant.EPOCH));
        } catch (FtpReplyException missing) {
            return absentUnlessBroken(client, missing);
        }
    }

    private static Instant modified(FtpClient client, String remote) throws IOException {
        try {
            return client.modificationTime(remote);
        } catch (FtpReplyException noMdtm) {
            absentUnlessBroken(client, noMdtm);
            return Instant.EPOCH;
        }
    }

    /** A negative reply means "not there" only while the connection lives; a 421 or broken connection is thrown. */
    private static Optional<RemoteAttributes> absentUnlessBroken(FtpClient client, FtpReplyException reply)
            throws FtpReplyException {
        if (!client.isConnected()) {
            throw reply;
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- directories

    /** The directory's entries, read whole (so no connection stays borrowed while a caller iterates). */
    List<Listed> list(FtpPath directory) throws IOException {
        return withClient(client -> {
            if (!attributes(client, directory).isDirectory()) {
                throw new NotDirectoryException(directory.toString());
            }
            List<Listed> entries = new ArrayList<>();
            for (ListEntry entry : client.list(directory.remote())) {
                String name = entry.name().substring(entry.name().lastIndexOf('/') + 1);
                if (!entry.isParsed() || name.isEmpty() || name.equals(".") || name.equals("..")) {
                    // A line no parser understood names no path a caller could use.
                    LOG.log(System.Logger.Level.DEBUG, "skipping listing line of {0}: {1}", directory, entry.rawLine());
                    continue;
                }
                entries.add(new Listed(name, RemoteAttributes.of(entry)));
            }
            return entries;
        });
    }

    void createDirectory(FtpPath directory) throws IOException {
        withClient(client -> {
            try {
                client.makeDirectory(directory.remote());
                return null;
            } catch (FtpReplyException refused) {
                if (find(client, directory).isPresent()) {
                    throw Failures.because(new FileAlreadyExistsException(directory.toString()), refused);
                }
                throw missingParentOr(client, directory, refused);
            }
        });
    }

    void delete(FtpPath path) throws IOException {
        withClient(client -> {
            RemoteAttributes attributes = attributes(client, path);
            try {
                if (attributes.isDirectory()) {
                    client.removeDirectory(path.remote());
                } else {
                    client.delete(path.remote());
                }
                return null;
            } catch (FtpReplyException refused) {
                if (attributes.isDirectory() && !client.list(path.remote()).isEmpty()) {
                    throw Failures.because(new DirectoryNotEmptyException(path.toString()), refused);
                }
                throw Failures.refused(path, refused);
            }
        });
    }

    /** RNFR/RNTO (RFC 959 §4.1.3); the caller has dealt with an existing target. */
    void rename(FtpPath source, FtpPath target) throws IOException {
        withClient(client -> {
            try {
                client.rename(source.remote(), target.remote());
                return null;
            } catch (FtpReplyException refused) {
                if (find(client, source).isEmpty()) {
                    throw Failures.because(new NoSuchFileException(source.toString()), refused);
                }
                throw missingParentOr(client, target, refused);
            }
        });
    }

    /** MFMT (draft-somers-ftp-mfxx). */
    void setModified(FtpPath path, Instant time) throws IOException {
        withClient(client -> {
            try {
                client.setModificationTime(path.remote(), time);
                return null;
            } catch (FtpReplyException refused) {
                if (find(client, path).isEmpty()) {
                    throw Failures.because(new NoSuchFileException(path.toString()), refused);
                }
                throw Failures.refused(path, refused);
            }
        });
    }

    // ---------------------------------------------------------------- streams

    /** RETR, after {@code REST offset} when the offset is above 0; the stream holds its connection until closed. */
    InputStream newInputStream(FtpPath path, long offset) throws IOException {
        FtpConnectionPool.Lease lease = fileSystem.lease();
        try {
            return LeasedStreams.input(lease.client().retrieve(path.remote(), offset), lease);
        } catch (FtpReplyException refused) {
            try (lease) {
                Optional<RemoteAttributes> found = find(lease.client(), path);
                if (found.isEmpty()) {
                    throw Failures.because(new NoSuchFileException(path.toString()), refused);
                }
                if (found.get().isDirectory()) {
                    throw Failures.because(new FileSystemException(path.toString(), null, "is a directory"), refused);
                }
                throw Failures.refused(path, refused);
            }
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * STOR, or APPE when appending. {@code mustBeNew} and {@code mayCreate} ask the server first (a race with other
     * clients remains: FTP has no exclusive create).
     */
    OutputStream newOutputStream(FtpPath path, boolean append, boolean mustBeNew, boolean mayCreate)
            throws IOException {
        FtpConnectionPool.Lease lease = fileSystem.lease();
        try {
            FtpClient client = lease.client();
            if (mustBeNew || !mayCreate) {
                Optional<RemoteAttributes> existing = find(client, path);
                if (mustBeNew && existing.isPresent()) {
                    throw new FileAlreadyExistsException(path.toString());
                }
                if (!mayCreate && existing.isEmpty()) {
                    throw new NoSuchFileException(path.toString());
                }
            }
            try {
                OutputStream out = append ? client.append(path.remote()) : client.store(path.remote());
                return LeasedStreams.output(out, lease);
            } catch (FtpReplyException refused) {
                if (find(client, path).filter(RemoteAttributes::isDirectory).isPresent()) {
                    throw Failures.because(new FileSystemException(path.toString(), null, "is a directory"), refused);
                }
                throw missingParentOr(client, path, refused);
            }
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** NoSuchFileException when the parent directory is missing, else the server's refusal. */
    private FileSystemException missingParentOr(FtpClient client, FtpPath path, FtpReplyException refused)
            throws IOException {
        FtpPath parent = (FtpPath) path.toAbsolutePath().normalize().getParent();
        if (parent != null && find(client, parent).filter(RemoteAttributes::isDirectory).isEmpty()) {
            return Failures.because(new NoSuchFileException(path.toString(), null, "no directory " + parent),
                    refused);
        }
        return Failures.refused(path, refused);
    }
}
