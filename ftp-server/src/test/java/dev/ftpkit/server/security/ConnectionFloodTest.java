package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection floods: one address or many opening sessions until the server is full (CWE-400 uncontrolled resource
 * consumption; vsftpd max_clients / max_per_ip). Item 7.
 */
class ConnectionFloodTest {

    @TempDir
    Path root;

    private FtpServer server;
    private final List<RawFtp> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (RawFtp r : open) {
            r.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // vsftpd max_per_ip: an address over its limit gets 421; sessions from other addresses are not affected
    @Test
    void sessionsFromOneAddressOverTheLimitGet421() throws Exception {
        server = Security.server(root).maxSessionsPerAddress(3).build().start();
        Map<String, String> before = Security.snapshot(root);
        for (int i = 0; i < 3; i++) {
            RawFtp flood = RawFtp.connect("127.0.0.2", server.port());
            open.add(flood);
            assertThat(flood.greeting.codeValue()).isEqualTo(220);
        }
        for (int i = 0; i < 5; i++) {
            try (RawFtp extra = RawFtp.connect("127.0.0.2", server.port())) {
                assertThat(extra.greeting.encode()).isEqualTo("421 Too many connections from your address.\r\n");
                assertThat(extra.closedByServer()).isTrue();
            }
        }
        Security.bystanderIsServed(server); // from 127.0.0.1
        for (RawFtp flood : open) {
            assertThat(flood.reply("NOOP")).startsWith("200 ");
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // vsftpd max_clients: over the total limit 421; existing sessions go on; a freed slot serves the next client
    @Test
    void sessionsOverTheTotalLimitGet421AndExistingOnesGoOn() throws Exception {
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).maxSessions(3).listener(disconnects).build().start();
        Map<String, String> before = Security.snapshot(root);
        RawFtp first = RawFtp.login(server.port());
        open.add(first);
        open.add(RawFtp.connect("127.0.0.2", server.port()));
        open.add(RawFtp.connect("127.0.0.3", server.port()));
        for (String from : new String[] {"127.0.0.1", "127.0.0.4"}) {
            try (RawFtp extra = RawFtp.connect(from, server.port())) {
                assertThat(extra.greeting.encode()).isEqualTo("421 Too many users, try again later.\r\n");
                assertThat(extra.closedByServer()).isTrue();
            }
        }
        assertThat(first.reply("NOOP")).startsWith("200 ");
        assertThat(new String(first.retrieve(Security.PROBE), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(Security.PROBE_CONTENT);
        RawFtp leaving = open.remove(1);
        assertThat(leaving.reply("QUIT")).startsWith("221 ");
        leaving.close();
        disconnects.await(1, 10);
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
