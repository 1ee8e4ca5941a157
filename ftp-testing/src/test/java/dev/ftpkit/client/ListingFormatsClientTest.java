package dev.ftpkit.client;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.core.list.EntryType;
import dev.ftpkit.core.list.FormatParser;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.core.list.ListFormat;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** LIST without MLST: the format is chosen by the listing itself, then by SYST; the application's parsers first. */
class ListingFormatsClientTest {

    private static FtpClient loggedIn(ScriptedFtpServer server, FtpClientConfig config) throws Exception {
        FtpClient client = config.connect(server.host(), server.port());
        client.loginAnonymous();
        return client;
    }

    private static void sendList(ScriptedFtpServer.Session s, String listing) throws Exception {
        int port = s.listenForData();
        s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
        s.expect("LIST").reply("150 Here comes the directory listing.");
        try (Socket data = s.acceptData()) {
            data.getOutputStream().write(listing.getBytes(StandardCharsets.US_ASCII));
        }
        s.reply("226 Directory send OK.");
    }

    @Test
    void listingOneFormatExplainsIsParsedWithoutAskingSyst() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            sendList(s, "Directory USERS:[ALICE]\r\n\r\nLOGIN.COM;3  2/4  5-DEC-2026 12:00:00  [STAFF,ALICE]  "
                    + "(RWED,RWED,RE,)\r\n\r\nTotal of 1 file, 2/4 blocks.\r\n");
        })) {
            try (FtpClient client = loggedIn(server, FtpClientConfig.builder().timeouts(Duration.ofSeconds(5))
                    .build())) {
                assertThat(client.list("")).extracting(ListEntry::name).containsExactly("LOGIN.COM;3");
            }
            server.awaitScript();
        }
    }

    @Test
    void systReplyIsAskedOnceWhenTheListingAloneDoesNotTell() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            sendList(s, "PAYCALC\r\nPAYPRINT\r\n");
            s.expect("SYST").reply("215 MVS is the operating system of this server. FTP Server is running on z/OS.");
            sendList(s, "NOSTATS\r\n");
        })) {
            try (FtpClient client = loggedIn(server, FtpClientConfig.builder().timeouts(Duration.ofSeconds(5))
                    .build())) {
                assertThat(client.list("")).extracting(ListEntry::name).containsExactly("PAYCALC", "PAYPRINT");
                assertThat(client.list("")).extracting(ListEntry::format).containsExactly(ListFormat.MVS);
            }
            server.awaitScript();
        }
    }

    @Test
    void configuredListParserIsTriedFirst() throws Exception {
        FormatParser pipes = FormatParser.ofLines(line -> {
            String[] parts = line.split("\\|");
            return parts.length != 2 ? Optional.empty() : Optional.of(new ListEntry(EntryType.FILE, parts[0],
                    OptionalLong.of(Long.parseLong(parts[1])), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), line, ListFormat.CUSTOM));
        });
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            sendList(s, "a.txt|12\r\nb.txt|0\r\n");
        })) {
            FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(5)).listParser(pipes)
                    .build();
            assertThat(config.toBuilder().build().listParsers()).containsExactly(pipes);
            try (FtpClient client = loggedIn(server, config)) {
                assertThat(client.list("")).extracting(ListEntry::name, ListEntry::size).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.txt", OptionalLong.of(12)),
                        org.assertj.core.groups.Tuple.tuple("b.txt", OptionalLong.of(0)));
            }
            server.awaitScript();
        }
    }
}
