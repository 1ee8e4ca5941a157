package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symlink race against listings and the commands that read a path's attributes (issue 13, attack 3, its last
 * gap): while {@code race} is flipped between a real directory and a link to a directory outside the root, LIST,
 * NLST, MLSD and STAT of {@code race} never show a name that exists only outside, and MLST, CWD, HASH and MFMT of
 * a name that exists only outside never succeed. A jail that checks the real path and then lists or stats by name
 * loses this race now and then; reading through the directory handle the check opened never does.
 */
@DisabledOnOs(OS.WINDOWS) // symbolic links need privileges there
class ListingSymlinkRaceTest extends SecurityFixture {

    private static final String INSIDE = "inside-only.txt";
    private static final String OUTSIDE = "outside-only";
    private static final String OUTSIDE_FILE = OUTSIDE + "-secret.txt";
    private static final String OUTSIDE_DIRECTORY = OUTSIDE + "-dir";
    private static final FileTime OUTSIDE_TIME = FileTime.fromMillis(1_000_000_000_000L);
    private static final int LISTING_ROUNDS = 150; // per listing attacker, three listings each
    private static final int LISTING_ATTACKERS = 2;
    private static final int CONTROL_ROUNDS = 600; // per control attacker, a pipeline of six commands each
    private static final int CONTROL_BATCH = 20;

    @TempDir
    Path outside;

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(outside.resolve(OUTSIDE_FILE), "never shown");
        Files.setLastModifiedTime(outside.resolve(OUTSIDE_FILE), OUTSIDE_TIME);
        Files.createDirectories(outside.resolve(OUTSIDE_DIRECTORY));
        Files.createDirectories(root.resolve("race"));
        Files.writeString(root.resolve("race").resolve(INSIDE), "shown");
    }

    @Test
    void flippingAListedDirectoryToAnOutsideLinkNeverShowsAnOutsideName() throws Exception {
        server = Security.server(root).build().start();
        List<String> listings = new ArrayList<>();
        List<String> controlReplies = new ArrayList<>();
        ExecutorService attackers = Executors.newFixedThreadPool(LISTING_ATTACKERS + 1);
        int flips;
        try (LinkFlipper flipper = LinkFlipper.start(root.resolve("race"), outside)) {
            List<Future<List<String>>> listers = new ArrayList<>();
            for (int a = 0; a < LISTING_ATTACKERS; a++) {
                listers.add(attackers.submit(this::listRepeatedly));
            }
            Future<List<String>> controller = attackers.submit(this::statRepeatedly);
            for (Future<List<String>> lister : listers) {
                listings.addAll(lister.get(180, TimeUnit.SECONDS));
            }
            controlReplies.addAll(controller.get(180, TimeUnit.SECONDS));
            Security.bystanderIsServed(server);
            flips = flipper.stop();
        } finally {
            attackers.shutdownNow();
        }

        assertThat(flips).isPositive();
        assertThat(listings).hasSize(LISTING_ATTACKERS * LISTING_ROUNDS * 4)
                .noneMatch(listing -> listing.contains(OUTSIDE))
                .anyMatch(listing -> listing.contains(INSIDE)); // the race was run while listings succeeded
        assertThat(controlReplies).hasSize(CONTROL_ROUNDS * 5)
                .noneMatch(reply -> reply.contains(OUTSIDE))
                .allMatch(reply -> reply.startsWith("4") || reply.startsWith("5"));
        assertThat(Files.getLastModifiedTime(outside.resolve(OUTSIDE_FILE))).isEqualTo(OUTSIDE_TIME);
    }

    /** LIST, NLST, MLSD on data connections and STAT on the control connection, over and over. */
    private List<String> listRepeatedly() throws IOException {
        List<String> listings = new ArrayList<>();
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (int round = 0; round < LISTING_ROUNDS; round++) {
                listings.add(listingOrRefusal(attacker, "LIST /race"));
                listings.add(listingOrRefusal(attacker, "NLST /race"));
                listings.add(listingOrRefusal(attacker, "MLSD /race"));
                listings.add(attacker.send("STAT /race").encode());
            }
        }
        return listings;
    }

    /** The listing's lines, or the refusal's reply when the server would not list (a link leading out, say). */
    private static String listingOrRefusal(RawFtp ftp, String command) throws IOException {
        try (Socket data = ftp.passive()) {
            Reply first = ftp.send(command);
            if (first.codeValue() != 150) {
                return first.encode();
            }
            String lines = new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return lines + ftp.read().encode();
        }
    }

    /**
     * Pipelined MLST, CWD, HASH, MFMT and XSHA256 of names that exist only outside; each of them must fail. (The CWD
     * uses an absolute path, so one that wrongly succeeded would not change what the others mean.)
     */
    private List<String> statRepeatedly() throws IOException {
        String[] commands = {
            "MLST /race/" + OUTSIDE_FILE,
            "CWD /race/" + OUTSIDE_DIRECTORY,
            "HASH /race/" + OUTSIDE_FILE,
            "MFMT 20200101000000 /race/" + OUTSIDE_FILE,
            "XSHA256 /race/" + OUTSIDE_FILE,
        };
        List<String> replies = new ArrayList<>();
        try (RawFtp attacker = RawFtp.login(server.port())) {
            for (int sent = 0; sent < CONTROL_ROUNDS; sent += CONTROL_BATCH) {
                StringBuilder pipeline = new StringBuilder();
                for (int i = 0; i < CONTROL_BATCH; i++) {
                    for (String command : commands) {
                        pipeline.append(command).append("\r\n");
                    }
                }
                attacker.sendRaw(pipeline.toString().getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < CONTROL_BATCH * commands.length; i++) {
                    replies.add(attacker.read().encode());
                }
            }
        }
        return replies;
    }
}
