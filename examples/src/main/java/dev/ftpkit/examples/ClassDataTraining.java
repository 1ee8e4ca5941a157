package dev.ftpkit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run of the launcher's class-data archive (AppCDS), run at package time as
 * {@code java -XX:ArchiveClassesAtExit=ftpkit.jsa -cp ftpkit.jar dev.ftpkit.examples.ClassDataTraining}: the JVM
 * archives every class this run loaded, so the archive should hold what real commands load. It runs them, in one
 * process: {@code ftpkit serve} on a temporary directory (loopback, any free port), then {@code get}, {@code put} and
 * {@code ls} against it, then the shutdown {@code serve} does on Ctrl-C. A class missing from the archive is loaded
 * from the jar as usual, so a failed training costs only speed; it prints why and exits 1 (the build goes on).
 */
public final class ClassDataTraining {

    private static final Pattern SERVING = Pattern.compile("at ftp://([^/]+)/");
    /** Big enough for the copy loops to run many rounds, small enough to write in a blink. */
    private static final int FILE_BYTES = 4 << 20;

    private ClassDataTraining() {
    }

    /**
     * Runs the training commands; exits when they are done (the serve thread's shutdown hook then runs too).
     *
     * @param args none
     */
    public static void main(String[] args) {
        int code;
        try {
            code = train();
        } catch (IOException | RuntimeException e) {
            System.err.println("class-data training failed: " + e);
            code = 1;
        }
        System.exit(code);
    }

    private static int train() throws IOException {
        Path work = Files.createTempDirectory("ftpkit-cds-training-");
        Path root = Files.createDirectory(work.resolve("root"));
        Path local = work.resolve("local.bin");
        Files.write(root.resolve("file.bin"), new byte[FILE_BYTES]);
        String server = serve(root);
        Terminal quiet = new Terminal(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false);
        List<List<String>> commands = List.of(
                List.of("get", "ftp://" + server + "/file.bin", local.toString()),
                List.of("put", local.toString(), "ftp://" + server + "/uploaded.bin"),
                List.of("ls", "ftp://" + server + "/"),
                List.of("version"));
        int failures = 0;
        try {
            for (List<String> command : commands) {
                int exit = Main.run(command, quiet);
                if (exit != ExitCode.OK) {
                    System.err.println("class-data training: ftpkit " + String.join(" ", command) + " exited " + exit);
                    failures++;
                }
            }
        } finally {
            for (Path file : List.of(root.resolve("file.bin"), root.resolve("uploaded.bin"), local, root, work)) {
                Files.deleteIfExists(file);
            }
        }
        return failures == 0 ? ExitCode.OK : 1;
    }

    /** Starts {@code ftpkit serve} on a daemon thread; returns its host:port once it listens. */
    private static String serve(Path root) throws IOException {
        PipedInputStream lines = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
        Terminal io = new Terminal(InputStream.nullInputStream(), out, new PrintStream(OutputStream.nullOutputStream()),
                false);
        Thread serve = new Thread(() -> Main.run(List.of("serve", "--root", root.toString(), "--anonymous", "--write",
                "--port", "0"), io), "ftpkit-cds-training-serve");
        serve.setDaemon(true);
        serve.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8));
        // Bounded: serve prints one line when it listens, or ends (and the pipe with it) when it cannot start.
        String line = reader.readLine();
        Matcher m = SERVING.matcher(line == null ? "" : line);
        if (!m.find()) {
            throw new IOException("ftpkit serve did not start: " + line);
        }
        return m.group(1);
    }
}
