package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.list.ListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing whose names climb out of a download directory ({@code ../}, absolute paths): the client returns them
 * as plain names and never derives a local path from them (the wget
 * CVE-2014-4877 class of client-side traversal; RFC 959 §4.1.3 NLST). Item 29. The client has no
 * recursive download helper: the caller names every local path itself.
 */
class HostileListingTest {

    @TempDir
    Path base;

    private static final List<String> EVIL = List.of("../evil.txt", "/etc/passwd", "..", "a/../../b", "..\\win.ini",
            "~/.ssh/authorized_keys");

    private static void sendListing(ScriptedFtpServer.Session s, String verb, String text) throws Exception {
        int port = s.listenForData();
        s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
        s.expect(verb).reply("150 here");
        try (Socket data = s.acceptData()) {
            data.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }
        s.reply("226 done");
    }

    // names are data: returned verbatim, and downloading one writes only to the local path the caller chose
    @Test
    void listingWithTraversalNamesIsReturnedAsNamesAndWritesNothingElsewhere() throws Exception {
        Path target = Files.createDirectories(base.resolve("downloads"));
        StringBuilder nlst = new StringBuilder();
        StringBuilder list = new StringBuilder();
        for (String name : EVIL) {
            nlst.append(name).append("\r\n");
            list.append("-rw-r--r--   1 ftp      ftp            5 Jan 01 00:00 ").append(name).append("\r\n");
        }
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            sendListing(s, "NLST", nlst.toString());
            sendListing(s, "LIST", list.toString());
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR ../evil.txt").reply("150 here");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write("evil!".getBytes(StandardCharsets.US_ASCII));
            }
            s.reply("226 done");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                assertThat(client.listNames("")).containsExactlyElementsOf(EVIL);
                assertThat(client.list("")).extracting(ListEntry::name).containsExactlyElementsOf(EVIL);
                Path local = target.resolve("safe-name.txt");
                client.retrieve("../evil.txt", local);
                assertThat(local).hasContent("evil!");
            }
            server.awaitScript();
        }
        try (Stream<Path> all = Files.walk(base)) {
            assertThat(all.map(p -> base.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("", "downloads", "downloads/safe-name.txt");
        }
    }
}
