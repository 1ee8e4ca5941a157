package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defender against real clients from different loopback addresses (127.0.0.x plays other hosts): failed logins
 * counted across connections, 421 before the greeting while banned, other addresses untouched, the allow list, and
 * the end of a ban on a clock the test moves.
 */
class AutoBanTest {

    private static final String FTPLIB = """
            import ftplib, sys
            port, source, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
            ftp = ftplib.FTP(source_address=(source, 0), timeout=20)
            try:
                ftp.connect('127.0.0.1', port)
            except ftplib.error_temp as e:
                print('GREETING ' + str(e)[:3]); sys.exit(0)
            try:
                ftp.login('alice', password)
                print('LOGIN 230')
            except ftplib.error_perm as e:
                print('LOGIN ' + str(e)[:3])
            """;

    @TempDir
    Path temporary;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private FtpServer server;

    private FtpServer start(DefenderSettings.Builder defender) throws Exception {
        Path root = Files.createDirectories(temporary.resolve("root"));
        InstantSource clock = now::get;
        server = TestServers.builder(root).defender(defender.clock(clock).build()).build().start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String ftplib(String source, String password) throws Exception {
        Path python = Peers.require("python3");
        Path script = temporary.resolve("ban.py");
        Files.writeString(script, FTPLIB);
        Processes.Result result = Processes.run(temporary, Duration.ofSeconds(30), List.of(python.toString(),
                script.toString(), Integer.toString(server.port()), source, password));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdout().strip();
    }

    @Test
    void theNthFailingConnectionGets530AndTheNextOneFrom421UntilTheBanEnds() throws Exception {
        start(DefenderSettings.builder().banAfter(3).banTime(Duration.ofMinutes(10)));
        for (int i = 0; i < 3; i++) {
            assertThat(ftplib("127.0.0.2", "wrong")).as("attempt %d", i + 1).isEqualTo("LOGIN 530");
        }
        assertThat(ftplib("127.0.0.2", TestServers.PASSWORD)).isEqualTo("GREETING 421");
        assertThat(ftplib("127.0.0.3", TestServers.PASSWORD)).as("another address").isEqualTo("LOGIN 230");

        now.updateAndGet(t -> t.plus(Duration.ofMinutes(10)));
        assertThat(ftplib("127.0.0.2", TestServers.PASSWORD)).isEqualTo("LOGIN 230");
    }

    @Test
    void aBannedAddressGetsNoGreetingFromCurlEither() throws Exception {
        start(DefenderSettings.builder().banAfter(2));
        Path curl = Peers.require("curl");
        for (int i = 0; i < 2; i++) {
            Processes.Result refused = Processes.run(temporary, Duration.ofSeconds(30), List.of(curl.toString(), "-sS",
                    "--max-time", "20", "--interface", "127.0.0.4", "ftp://alice:wrong@127.0.0.1:" + server.port()
                            + "/"));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(67); // login denied
        }
        try (RawFtp raw = RawFtp.connect("127.0.0.4", server.port())) {
            assertThat(raw.greeting.codeValue()).isEqualTo(421);
            assertThat(raw.closedByServer()).isTrue();
        }
        Processes.Result other = Processes.run(temporary, Duration.ofSeconds(30), List.of(curl.toString(), "-sS",
                "--max-time", "20", "--interface", "127.0.0.5", TestServers.url(server, "")));
        assertThat(other.exitCode()).as(other.toString()).isZero();
    }

    @Test
    void failuresOnOneConnectionCountAndItsNextPasswordIsRefusedOnceBanned() throws Exception {
        start(DefenderSettings.builder().banAfter(2));
        try (RawFtp raw = RawFtp.connect("127.0.0.6", server.port())) {
            raw.expect(331, "USER alice");
            raw.expect(530, "PASS wrong");
            raw.expect(331, "USER alice");
            raw.expect(530, "PASS wrong"); // the failure that bans still gets its 530
            raw.expect(331, "USER alice");
            raw.expect(421, "PASS " + TestServers.PASSWORD);
        }
    }

    @Test
    void anAllowedAddressIsNeverBanned() throws Exception {
        start(DefenderSettings.builder().banAfter(1).allow("127.0.0.7"));
        for (int i = 0; i < 3; i++) {
            assertThat(ftplib("127.0.0.7", "wrong")).isEqualTo("LOGIN 530");
        }
        assertThat(ftplib("127.0.0.7", TestServers.PASSWORD)).isEqualTo("LOGIN 230");
    }

    @Test
    void bounceAttemptsAndOverlongLinesAddToTheScore() throws Exception {
        start(DefenderSettings.builder().banAfter(3));
        try (RawFtp raw = RawFtp.connect("127.0.0.8", server.port())) {
            raw.expect(331, "USER " + TestServers.USER);
            raw.expect(230, "PASS " + TestServers.PASSWORD);
            raw.expect(500, "PORT 127,0,0,9,200,10"); // a third host: FTP bounce
            raw.expect(500, "EPRT |1|127.0.0.9|51210|");
            raw.expect(500, "NOOP " + "x".repeat(5000)); // past the 4096-byte line limit
        }
        try (RawFtp raw = RawFtp.connect("127.0.0.8", server.port())) {
            assertThat(raw.greeting.codeValue()).isEqualTo(421);
        }
    }

    @Test
    void passiveListenersAskedForAgainAndAgainWithoutATransferAddToTheScore() throws Exception {
        start(DefenderSettings.builder().banAfter(1));
        try (RawFtp raw = RawFtp.connect("127.0.0.9", server.port())) {
            raw.expect(331, "USER " + TestServers.USER);
            raw.expect(230, "PASS " + TestServers.PASSWORD);
            for (int i = 0; i < 20; i++) {
                raw.expect(227, "PASV");
            }
            try (RawFtp again = RawFtp.connect("127.0.0.9", server.port())) {
                assertThat(again.greeting.codeValue()).as("20 in a row are allowed").isEqualTo(220);
            }
            raw.expect(227, "PASV");
        }
        try (RawFtp raw = RawFtp.connect("127.0.0.9", server.port())) {
            assertThat(raw.greeting.codeValue()).isEqualTo(421);
        }
    }
}
