package dev.ftpkit.server.security;

import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RawFtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared pieces of the adversarial suite: a fast server, the bystander check, file tree snapshots. */
final class Security {

    /** The file every bystander downloads. */
    static final String PROBE = "probe.txt";
    static final String PROBE_CONTENT = "a well-behaved client reads this";

    static final Authenticator USERS = InMemoryUsers.builder().iterations(1_000).user(RawFtp.USER, RawFtp.PASSWORD).build()
            .orElse(Authenticator.anonymous(Permission.readOnly()));

    private Security() {
    }

    /** Port 0, fast failure delays, the test users; the root gets the probe file. */
    static FtpServer.Builder server(Path root) {
        try {
            Files.writeString(root.resolve(PROBE), PROBE_CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FtpServer.builder()
                .root(root)
                .port(0)
                .authenticator(USERS)
                .loginFailureDelay(java.time.Duration.ofMillis(20));
    }

    /** A well-behaved client on its own connection: logs in, lists, downloads the probe, quits. */
    static void bystanderIsServed(FtpServer server) throws IOException {
        bystanderIsServedAs(server, RawFtp.USER, RawFtp.PASSWORD);
    }

    /** The same, as another user. */
    static void bystanderIsServedAs(FtpServer server, String user, String password) throws IOException {
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER " + user);
            ftp.expect(230, "PASS " + password);
            assertThat(ftp.list("NLST")).contains(PROBE);
            assertThat(new String(ftp.retrieve(PROBE), StandardCharsets.UTF_8)).isEqualTo(PROBE_CONTENT);
            assertThat(ftp.reply("QUIT")).startsWith("221 ");
        }
    }

    /** Every path under root (links not followed) with the content of regular files. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    tree.put(name, "link->" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(name + "/", "dir");
                } else {
                    tree.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return tree;
    }
}
