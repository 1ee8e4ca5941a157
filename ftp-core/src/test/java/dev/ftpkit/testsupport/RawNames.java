package dev.ftpkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * File names as raw bytes in a test directory. Java's {@link Path} cannot hold a name that is not valid in
 * {@code sun.jnu.encoding} (UTF-8 here), so python3 creates and lists them; the names travel as hex.
 */
public final class RawNames {

    private static final String CREATE = "import sys; open(bytes.fromhex(sys.argv[1]), 'wb').write(bytes.fromhex(sys.argv[2]))";
    private static final String LIST = "import os; print(' '.join(sorted(n.hex() for n in os.listdir(b'.'))))";
    private static final String READ = "import sys; sys.stdout.write(open(bytes.fromhex(sys.argv[1]), 'rb').read().hex())";

    private RawNames() {
    }

    /**
     * Creates a file whose name is exactly these bytes.
     *
     * @param dir     the directory
     * @param name    the name's bytes
     * @param content the content
     */
    public static void create(Path dir, byte[] name, byte[] content) {
        python(dir, CREATE, HexFormat.of().formatHex(name), HexFormat.of().formatHex(content));
    }

    /**
     * Lists a directory's names as bytes, in hex, sorted.
     *
     * @param dir the directory
     * @return the names in lower-case hex
     */
    public static List<String> listHex(Path dir) {
        String out = python(dir, LIST).strip();
        return out.isEmpty() ? List.of() : List.of(out.split(" "));
    }

    /**
     * Reads the file whose name is exactly these bytes.
     *
     * @param dir  the directory
     * @param name the name's bytes
     * @return the content
     */
    public static byte[] read(Path dir, byte[] name) {
        return HexFormat.of().parseHex(python(dir, READ, HexFormat.of().formatHex(name)).strip());
    }

    private static String python(Path dir, String script, String... args) {
        Path python = Peers.require("python3");
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
