package dev.ftpkit.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the real FTP peer programs (vsftpd, curl, lftp, python3) that tests talk to.
 *
 * <p>A missing peer skips the test on a developer's machine, but fails it when {@code CI=true}: on CI a
 * missing peer is a broken install step, never a reason to pass.
 */
public final class Peers {

    private static final List<Path> EXTRA_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/sbin"),
            Path.of("/usr/local/sbin"));

    private Peers() {
    }

    /** Whether the tests run on CI, where every peer must be present. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable named {@code program} on the PATH (or in an sbin directory), if there is one. */
    public static Optional<Path> find(String program) {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(EXTRA_DIRECTORIES);
        return directories.stream()
                .map(directory -> directory.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The executable named {@code program}; when it is missing the calling test fails on CI and is skipped
     * elsewhere.
     */
    public static Path require(String program) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "the real peer '" + program + "' is not installed (.ci/run installs it)";
        if (onCi()) {
            return Assertions.fail(message + "; CI=true, so a missing peer is a failure");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
