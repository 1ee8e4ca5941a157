package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The files of a run, under one temporary directory deleted at the end: {@code root/data} (the file to download,
 * the smaller one for many clients, the directory to list), {@code root/upload} (where uploads land; emptied after
 * each trial), {@code local/} (the clients' side), and one work directory per server.
 */
final class Workspace implements AutoCloseable {

    static final String BIG = "/data/big.bin";
    static final String MEDIUM = "/data/medium.bin";
    static final String LISTED = "/data/listed";

    private final Path dir;
    private final Path root;
    private final byte[] mediumContent;

    private Workspace(Path dir, Path root, byte[] mediumContent) {
        this.dir = dir;
        this.root = root;
        this.mediumContent = mediumContent;
    }

    /** Creates the directory tree and the test files (random bytes) under a new directory in {@code parent}. */
    static Workspace create(Path parent, BenchSettings settings) throws IOException {
        Path dir = Files.createTempDirectory(parent, "ftpkit-bench-");
        Workspace workspace = new Workspace(dir, dir.resolve("root"), randomBytes(settings.concurrentFileBytes(), 2));
        try {
            Files.createDirectories(workspace.root);
            Files.setPosixFilePermissions(workspace.root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = Files.createDirectories(workspace.root.resolve("data"));
            Path upload = Files.createDirectories(workspace.upload());
            // Anonymous vsftpd sessions run as the 'ftp' user: the upload directory must be writable by it.
            Files.setPosixFilePermissions(upload, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.createDirectories(workspace.local());
            writeRandom(data.resolve("big.bin"), settings.fileBytes());
            Files.write(data.resolve("medium.bin"), workspace.mediumContent);
            Path listed = Files.createDirectories(data.resolve("listed"));
            for (int i = 0; i < settings.listEntries(); i++) {
                Files.createFile(listed.resolve(String.format("file-%05d.dat", i)));
            }
            return workspace;
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    /** The root every server serves. */
    Path root() {
        return root;
    }

    /** The big file, on disk (also the source of the uploads). */
    Path bigFile() {
        return root.resolve("data/big.bin");
    }

    Path upload() {
        return root.resolve("upload");
    }

    Path local() {
        return dir.resolve("local");
    }

    /** The content of {@link #MEDIUM}, uploaded by the many clients of the concurrency benchmark. */
    byte[] mediumContent() {
        return mediumContent;
    }

    /** A fresh work directory for one server's own files. */
    Path serverDir(String name) throws IOException {
        return Files.createDirectories(dir.resolve("servers").resolve(name.replaceAll("[^A-Za-z0-9]", "-")));
    }

    /** Deletes everything uploaded so far and everything the clients downloaded. */
    void clearTransfers() {
        deleteChildren(upload());
        deleteChildren(local());
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    private static void deleteChildren(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            children.forEach(Workspace::deleteTree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Random bytes (not a compressible pattern), written as a repeated 4 MiB random block to be quick. */
    private static void writeRandom(Path file, long size) throws IOException {
        byte[] block = randomBytes(Math.min(size, 4 * BenchSettings.MIB), 1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static byte[] randomBytes(long size, long seed) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < bytes.length; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < bytes.length; j++) {
                bytes[i + j] = (byte) (value >>> (8 * j));
            }
        }
        return bytes;
    }
}
