package dev.ftpkit.examples;

import dev.ftpkit.client.FtpClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training runs of the launcher's two class-data archives (AppCDS), run at package time: the JVM lists the
 * classes each run loaded ({@code -XX:DumpLoadedClassList}), and each list becomes a static archive
 * ({@code -Xshare:dump}), one for {@code ftpkit serve} and one for the client commands. Two, because a client command
 * maps its archive at every start and the JVM's cost of mapping it grows with its size: a one-byte {@code ftpkit put}
 * started 13 ms sooner (199 ms against 212, Java 17, 31 interleaved runs) with an archive of the classes a client
 * loads (12 MB) than with one that also held the server's (16 MB).
 *
 * <p>On Java 25 and later the build also makes an AOT cache of each (JEP 483, 514, 515: the classes loaded and
 * linked, and method profiles) from a second training, which its JVMs record ({@code -XX:AOTMode=record}).
 *
 * <p>{@code java -XX:DumpLoadedClassList=serve.classlist -cp ftpkit.jar dev.ftpkit.examples.ClassDataTraining
 * -XX:DumpLoadedClassList=client.classlist} runs {@code ftpkit serve} on a temporary directory (loopback, any free
 * port) and, in a JVM of its own started with the options given (here: listing its classes into
 * {@code client.classlist}), the client commands {@code get}, {@code put} and {@code ls} against it. Then, from the
 * serving JVM, an NLST and a LIST of a directory holding files, a subdirectory and links (what {@code curl -l} and
 * {@code curl} send: the server's listing classes, the link check's included, are then in the archive instead of
 * being loaded from the jar by a fresh server's first listing), and a download big enough for the server to measure
 * sendfile against a copy on it (its probe, which a fresh server's first big RETR runs; the sendfile path's selector
 * classes were loaded from the JDK's modules there, 45 of them). Then the shutdown {@code serve} does on Ctrl-C. A
 * class missing from an archive is loaded from the jar as usual, so a failed training costs only speed; it prints why
 * and exits 1 (the build goes on).
 */
public final class ClassDataTraining {

    private static final Pattern SERVING = Pattern.compile("at ftp://([^/]+)/");
    /** Big enough for the copy loops to run many rounds, small enough to write in a blink. */
    private static final int FILE_BYTES = 4 << 20;
    /** Entries of the listed directory: a few, since only the classes a listing loads matter, not its speed. */
    private static final int LISTED_FILES = 8;
    /**
     * A download this big from a store the server has not measured yet runs its probe (96 MiB at least). The file is
     * sparse: it takes no disk space, and its bytes come from no disk.
     */
    private static final long PROBED_BYTES = 128L << 20;
    /** How long the client side may take: seconds on a loaded machine; a hung one must not hang the build. */
    private static final long CLIENT_MINUTES = 5;
    /** The directory the client side lists, in the root. */
    private static final String LISTED = "listed";
    /** The argument that makes a run the client side (followed by the server's host:port). */
    private static final String CLIENT_SIDE = "--client-side";

    private ClassDataTraining() {
    }

    /**
     * {@code CLIENT_JVM_OPTION...}: serves, and runs the client side in a JVM of its own started with those options
     * (such as {@code -XX:DumpLoadedClassList=client.classlist}); {@code --client-side HOST:PORT}: the client side.
     * Exits when done (the serve thread's shutdown hook then runs too).
     *
     * @param args as above
     */
    public static void main(String[] args) {
        // what Main.main does before a command runs: a lambda whose class the JDK would otherwise spin with ASM at
        // every start (with the console, 3 ms of a one-byte put), and System.console(), whose classes the default
        // archive lacks
        Main.findLoggerBackendMeanwhile();
        Terminal.system();
        int code;
        try {
            readManifestAsJavaDashJarDoes();
            if (args.length == 2 && args[0].equals(CLIENT_SIDE)) {
                code = clientSide(args[1]);
            } else if (args.length > 0 && args[0].startsWith("-XX:")) {
                code = serveAndTrainClient(List.of(args));
            } else {
                System.err.println("usage: ClassDataTraining CLIENT_JVM_OPTION... | " + CLIENT_SIDE + " HOST:PORT");
                code = 2;
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("class-data training failed: " + e);
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("class-data training interrupted");
            code = 1;
        }
        System.exit(code);
    }

    /**
     * What {@code java -jar ftpkit.jar}, the launcher's way, does before {@code main} and a training run on the class
     * path does not: it reads the jar's manifest, which loads a few classes the JDK's archive lacks.
     */
    private static void readManifestAsJavaDashJarDoes() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("java.class.path"))) {
            jar.getManifest();
        }
    }

    private static int serveAndTrainClient(List<String> clientJvmOptions) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("ftpkit-cds-training-");
        try {
            Path root = Files.createDirectory(work.resolve("root"));
            Files.write(root.resolve("file.bin"), new byte[FILE_BYTES]);
            listedDirectory(root);
            try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("probed.bin").toFile(), "rw")) {
                sparse.setLength(PROBED_BYTES);
            }
            String server = serve(root);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(clientJvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClassDataTraining.class.getName(),
                    CLIENT_SIDE, server));
            Process client = new ProcessBuilder(command).inheritIO().start();
            if (!client.waitFor(CLIENT_MINUTES, TimeUnit.MINUTES)) {
                client.destroyForcibly();
                System.err.println("class-data training: the client side took over " + CLIENT_MINUTES + " minutes");
                return 1;
            }
            // requests only the server needs to have served, made from here: a client command's archive is loaded
            // whole at every start on Java 25 (AOT-linked classes), so it should hold what client commands run
            int failures = client.exitValue() == ExitCode.OK ? 0 : 1;
            failures += listings(server, LISTED);
            failures += probedDownload(server);
            return failures == 0 ? ExitCode.OK : 1;
        } finally {
            try (Stream<Path> tree = Files.walk(work)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** What the client commands do, against the training server at {@code server}. */
    private static int clientSide(String server) throws IOException {
        Path local = Files.createTempFile("ftpkit-cds-training-", ".bin");
        Terminal quiet = new Terminal(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false);
        List<List<String>> commands = List.of(
                List.of("get", "ftp://" + server + "/file.bin", local.toString()),
                // with an option: parsing one links a lambda of its own
                List.of("put", "-q", local.toString(), "ftp://" + server + "/uploaded.bin"),
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
            Files.deleteIfExists(local);
        }
        return failures == 0 ? ExitCode.OK : 1;
    }

    /** A directory to list: files, a subdirectory and, where links can be made, a link inside the root and one out. */
    private static void listedDirectory(Path root) throws IOException {
        Path listed = Files.createDirectory(root.resolve(LISTED));
        for (int i = 0; i < LISTED_FILES; i++) {
            Files.createFile(listed.resolve("file-" + i + ".dat"));
        }
        Files.createDirectory(listed.resolve("sub"));
        try {
            Files.createSymbolicLink(listed.resolve("inside"), Path.of("file-0.dat"));
            Files.createSymbolicLink(listed.resolve("outside"), root.getParent());
        } catch (UnsupportedOperationException | IOException noLinks) {
            // the listing still runs, without the link check
        }
    }

    /** NLST and LIST of the directory, as {@code curl -l} and {@code curl} ask; returns the number that failed. */
    private static int listings(String server, String directory) {
        try (FtpClient client = connect(server)) {
            client.loginAnonymous();
            int names = client.listNames(directory).size();
            int lines = client.listLines(directory).size();
            // the link out of the root is never shown
            if (names != lines || names < LISTED_FILES) {
                System.err.println("class-data training: listings of " + names + " and " + lines + " entries");
                return 1;
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("class-data training: listing failed: " + e);
            return 1;
        }
    }

    /** A download the server probes (see {@link #PROBED_BYTES}); returns 1 if it failed. */
    private static int probedDownload(String server) {
        try (FtpClient client = connect(server)) {
            client.loginAnonymous();
            long bytes = client.retrieve("probed.bin", OutputStream.nullOutputStream());
            return bytes == PROBED_BYTES ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("class-data training: the probed download failed: " + e);
            return 1;
        }
    }

    private static FtpClient connect(String server) throws IOException {
        int colon = server.lastIndexOf(':');
        String host = server.substring(0, colon).replace("[", "").replace("]", "");
        return FtpClient.connect(host, Integer.parseInt(server.substring(colon + 1)));
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
