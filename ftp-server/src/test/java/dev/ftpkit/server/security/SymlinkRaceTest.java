package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symlink race (issue 13, attack 3; the TOCTOU class of CVE-2010-4221): a directory inside the tree is
 * flipped, over and over, between a real directory and a link to a directory outside the root, while pipelined
 * {@code MKD race/xN} and {@code SIZE race/secret.txt} run. A jail that checks the real path and then uses the
 * path by name loses the race now and then; one that opens relative to the directory handles it checked never
 * does: no directory appears outside the root and the outside file's size never comes back.
 */
@DisabledOnOs(OS.WINDOWS) // symbolic links need privileges there
class SymlinkRaceTest extends SecurityFixture {

    private static final int ATTACKERS = 3;
    private static final int COMMANDS = 1_000; // per attacker
    private static final int BATCH = 100;
    private static final int SECRET_SIZE = 31_337;

    @TempDir
    Path outside;

    @BeforeEach
    void tree() throws IOException {
        Files.write(outside.resolve("secret.txt"), new byte[SECRET_SIZE]);
        Files.createDirectories(root.resolve("race"));
    }

    @Test
    void flippingADirectoryToAnOutsideLinkNeverLetsMkdOrSizeReachOutside() throws Exception {
        server = Security.server(root).build().start();
        List<String> replies = new ArrayList<>();
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        int flips;
        try (LinkFlipper flipper = LinkFlipper.start(root.resolve("race"), outside)) {
            List<Future<List<String>>> attacks = new ArrayList<>();
            for (int a = 0; a < ATTACKERS; a++) {
                String prefix = "race/a" + a + "x";
                attacks.add(attackers.submit(() -> attack(prefix)));
            }
            for (Future<List<String>> attack : attacks) {
                replies.addAll(attack.get(120, TimeUnit.SECONDS));
            }
            Security.bystanderIsServed(server);
            flips = flipper.stop();
        } finally {
            attackers.shutdownNow();
        }

        assertThat(flips).isPositive();
        try (Stream<Path> leaked = Files.list(outside)) {
            assertThat(leaked.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
        }
        assertThat(replies).hasSize(ATTACKERS * COMMANDS)
                .noneMatch(r -> r.equals("213 " + SECRET_SIZE + "\r\n"))
                .allMatch(r -> r.startsWith("257 ") || r.startsWith("550 "));
    }

    /** One session's pipelined {@code MKD race/...N} and {@code SIZE race/secret.txt}, a batch at a time. */
    private List<String> attack(String prefix) throws IOException {
        List<String> replies = new ArrayList<>();
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (int sent = 0; sent < COMMANDS; sent += BATCH) {
                StringBuilder pipeline = new StringBuilder();
                for (int i = sent; i < sent + BATCH; i += 2) {
                    pipeline.append("MKD ").append(prefix).append(i).append("\r\n");
                    pipeline.append("SIZE race/secret.txt\r\n");
                }
                attacker.sendRaw(pipeline.toString().getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < BATCH; i++) {
                    replies.add(attacker.read().encode());
                }
            }
        }
        return replies;
    }
}
