package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NLST shows names without an lstat per entry once it knows which entries of an unchanged directory are links
 * (issue 21): links that lead out of the home stay hidden on the first NLST, on the remembered ones, and after a
 * file is swapped for such a link (the directory changed, so what was remembered no longer counts).
 */
@DisabledOnOs(OS.WINDOWS) // symbolic links need privileges there
class NlstLinkMemoryTest extends SecurityFixture {

    @TempDir
    Path outside;

    @Test
    void nlstKeepsHidingOutsideLinksWhenItRemembersADirectoryAndAfterItChanges() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Path dir = Files.createDirectories(root.resolve("dir"));
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.createSymbolicLink(dir.resolve("escape"), outside);
        Files.createSymbolicLink(dir.resolve("inside"), dir.resolve("a.txt"));
        // settled: changed long before the listing, so the scan is remembered
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        server = Security.server(root).build().start();

        try (RawFtp client = RawFtp.login(server.port())) {
            String scanned = client.list("NLST dir");
            String remembered = client.list("NLST dir");
            Files.delete(dir.resolve("b.txt"));
            Files.createSymbolicLink(dir.resolve("b.txt"), outside.resolve("secret.txt"));
            String changed = client.list("NLST dir");

            assertThat(scanned.lines()).containsExactlyInAnyOrder("dir/a.txt", "dir/b.txt", "dir/inside");
            assertThat(remembered.lines()).containsExactlyInAnyOrder("dir/a.txt", "dir/b.txt", "dir/inside");
            assertThat(changed.lines()).containsExactlyInAnyOrder("dir/a.txt", "dir/inside");
        }
    }
}
