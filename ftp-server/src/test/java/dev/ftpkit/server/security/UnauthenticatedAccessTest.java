package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands before login (RFC 959 §4.1.1, §5.4: 530 "Not logged in"; RFC 2577 §4). Item 12. */
class UnauthenticatedAccessTest extends SecurityFixture {

    // RFC 959 §5.4: every file, data and SITE command, and custom ones needing login, get 530 before login
    @Test
    void commandsBeforeLoginGet530AndTouchNothing() throws Exception {
        AtomicInteger customCalls = new AtomicInteger();
        server = Security.server(root)
                .command("XWIPE", CommandDescriptor.of((command, session) -> {
                    customCalls.incrementAndGet();
                    return Reply.of(dev.ftpkit.core.ReplyCodes.COMMAND_OK, "wiped");
                }))
                .siteCommand("WIPE", CommandDescriptor.of((command, session) -> {
                    customCalls.incrementAndGet();
                    return Reply.of(dev.ftpkit.core.ReplyCodes.COMMAND_OK, "wiped");
                }))
                .build().start();
        Map<String, String> before = Security.snapshot(root);
        String[] commands = {"RETR " + Security.PROBE, "STOR x", "STOU", "APPE x", "LIST", "NLST", "MLSD", "MLST x",
            "PORT 127,0,0,1,4,1", "EPRT |1|127.0.0.1|1025|", "PASV", "EPSV", "CWD /", "CDUP", "PWD", "MKD x", "RMD x",
            "DELE " + Security.PROBE, "RNFR " + Security.PROBE, "RNTO y", "SIZE " + Security.PROBE,
            "MDTM " + Security.PROBE, "MFMT 20200101000000 " + Security.PROBE, "REST 0", "SITE CHMOD 644 x",
            "SITE WIPE", "XWIPE", "HASH " + Security.PROBE, "STAT " + Security.PROBE};
        try (RawFtp attacker = RawFtp.connect(server.port())) {
            for (String command : commands) {
                assertThat(attacker.reply(command)).as(command).isEqualTo("530 Please login with USER and PASS.\r\n");
            }
            // a failed login does not open the door either
            attacker.expect(331, "USER " + RawFtp.USER);
            attacker.expect(530, "PASS wrong");
            assertThat(attacker.reply("XWIPE")).isEqualTo("530 Please login with USER and PASS.\r\n");
            // USER alone is not a login
            attacker.expect(331, "USER " + RawFtp.USER);
            assertThat(attacker.reply("DELE " + Security.PROBE)).isEqualTo("530 Please login with USER and PASS.\r\n");
            Security.bystanderIsServed(server);
        }
        assertThat(customCalls).hasValue(0);
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
