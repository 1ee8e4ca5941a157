package dev.ftpkit.client;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.core.list.ListEntry;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FtpClient#list(String)} returns exactly what a directory holds: not the directory itself nor its parent,
 * which MLSD sends as {@code type=cdir} and {@code type=pdir} entries (RFC 3659 §7.5.1, proftpd and pure-ftpd do)
 * and a Unix {@code ls -a}-style LIST sends as {@code .} and {@code ..}.
 */
class ListingContentsTest {

    private static FtpClientConfig config() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(5)).build();
    }

    /** Logs in offering MLST, then answers one listing command with {@code lines} over an EPSV data connection. */
    private static ScriptedFtpServer serverListing(String verb, boolean offerMlst, String lines) throws Exception {
        return ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("USER").reply("331 password please");
            s.expect("PASS").reply("230 welcome");
            s.expect("FEAT").reply(offerMlst ? "211-Features:\n MLST type*;size*;modify*;\n211 End" : "502 no");
            s.expect("TYPE I").reply("200 binary");
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect(verb).reply("150 listing");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
            }
            s.reply("226 done");
            s.expect("QUIT").reply("221 bye");
        });
    }

    private static List<String> names(ScriptedFtpServer server) throws Exception {
        try (FtpClient client = FtpClient.connect(config(), server.host(), server.port())) {
            client.loginAnonymous();
            return client.list("/pub").stream().map(ListEntry::name).toList();
        }
    }

    @Test
    void machineListingLeavesOutTheCurrentAndParentDirectoryEntries() throws Exception {
        String mlsd = """
                type=cdir;modify=20240101000000; /pub\r
                type=pdir;modify=20240101000000; /\r
                type=file;size=3;modify=20240101000000; a.txt\r
                type=dir;modify=20240101000000; sub\r
                type=file;size=0;modify=20240101000000; .hidden\r
                """;
        try (ScriptedFtpServer server = serverListing("MLSD /pub", true, mlsd)) {

            List<String> names = names(server);

            assertThat(names).containsExactly("a.txt", "sub", ".hidden");
            server.awaitScript();
        }
    }

    @Test
    void typeFactIsMatchedWithoutRegardToCase() throws Exception {
        String mlsd = "Type=CDir; .\r\nTYPE=PDIR; ..\r\ntype=File;size=1; x\r\n";
        try (ScriptedFtpServer server = serverListing("MLSD /pub", true, mlsd)) {

            assertThat(names(server)).containsExactly("x");
            server.awaitScript();
        }
    }

    @Test
    void unixListingLeavesOutDotAndDotDot() throws Exception {
        String list = """
                drwxr-xr-x    3 0        0            4096 Jan 01  2024 .\r
                drwxr-xr-x    5 0        0            4096 Jan 01  2024 ..\r
                -rw-r--r--    1 0        0               3 Jan 01  2024 a.txt\r
                -rw-r--r--    1 0        0               3 Jan 01  2024 ...\r
                """;
        try (ScriptedFtpServer server = serverListing("LIST /pub", false, list)) {

            assertThat(names(server)).containsExactly("a.txt", "...");
            server.awaitScript();
        }
    }
}
