package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and the peers, for the report's header. */
final class Machine {

    private Machine() {
    }

    static String cpu() {
        String model = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Stats.number(Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown");
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The first line a program prints for its version, or "not found". */
    static String programVersion(Optional<Path> program, String shellCommand) {
        if (program.isEmpty()) {
            return "not found";
        }
        try {
            Process process = new ProcessBuilder("sh", "-c", shellCommand.replace("PROGRAM", program.get().toString()))
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            return text.lines().findFirst().orElse("?").trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The version of a benchmark-only peer library, as examples/pom.xml names it ({@code versions.properties}). */
    static String peerVersion(String key) {
        try (InputStream in = Machine.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key, "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The filesystem type of a directory, from /proc/mounts (longest matching mount point). */
    static String filesystem(Path directory) {
        try {
            String best = "";
            String type = "unknown";
            Path real = directory.toRealPath();
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length > 2 && real.startsWith(fields[1]) && fields[1].length() >= best.length()) {
                    best = fields[1];
                    type = fields[2];
                }
            }
            return type;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A program on the PATH or in an sbin directory. */
    static Optional<Path> find(String program) {
        List<String> directories = new java.util.ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        directories.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
