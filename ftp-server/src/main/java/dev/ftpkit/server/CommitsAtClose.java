package dev.ftpkit.server;

import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Declared by a root's {@link java.nio.file.FileSystem} whose files, written through a channel, appear whole and
 * only when the channel closes, as an object store's PUT does. STOR then writes straight to the target instead of
 * to a temporary file renamed onto it (a rename there is a copy of the whole object), and the upload stays
 * atomic: the server opens the channel with {@link #commitIf}, and a transfer that fails or is aborted closes the
 * channel with the decision saying no, so the old file stays. Such storage cannot append or write from an offset:
 * APPE and REST+STOR are answered 504 before any data connection opens.
 *
 * <p>The server looks for this interface on the file system of each path it writes ({@code
 * path.getFileSystem() instanceof CommitsAtClose}), so it applies to the default root and to virtual hosts' roots
 * alike, with nothing to configure.
 */
public interface CommitsAtClose {

    /**
     * An option for {@link java.nio.file.Files#newByteChannel(Path, java.util.Set, java.nio.file.attribute.FileAttribute[])}
     * that makes the channel publish what was written when it closes only if {@code decision} answers true at that
     * moment; otherwise the write is dropped and whatever was there before stays.
     *
     * @param decision asked once, when the channel closes
     * @return the open option this file system understands
     */
    OpenOption commitIf(BooleanSupplier decision);

    /**
     * Whether a path's file system declares this.
     *
     * @param path any path
     * @return the declaration, if there is one
     */
    static java.util.Optional<CommitsAtClose> of(Path path) {
        return path.getFileSystem() instanceof CommitsAtClose storage
                ? java.util.Optional.of(storage) : java.util.Optional.empty();
    }
}
