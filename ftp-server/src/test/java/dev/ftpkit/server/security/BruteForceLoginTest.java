package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing and user enumeration (RFC 2577 §5 "Protecting Passwords" and §7 "Protecting Usernames"). Item 6.
 */
class BruteForceLoginTest extends SecurityFixture {

    // RFC 2577 §5: a delay after each failed PASS and a limit per connection
    @Test
    void passwordGuessingIsDelayedAndTheConnectionClosedAfterTheLimit() throws Exception {
        Duration delay = Duration.ofMillis(250);
        server = Security.server(root).maxLoginFailures(3).loginFailureDelay(delay).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.connect(server.port())) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                attacker.expect(331, "USER " + RawFtp.USER);
                long started = System.nanoTime();
                Reply reply = attacker.send("PASS guess" + attempt);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(reply.encode()).isEqualTo("530 Login incorrect.\r\n");
                assertThat(millis).isGreaterThanOrEqualTo(delay.toMillis());
                if (attempt == 2) {
                    Security.bystanderIsServed(server);
                }
            }
            assertThat(attacker.closedByServer()).isTrue();
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 2577 §7: the same 331 and 530 replies, after the same delay, for an unknown user and a wrong password
    @Test
    void unknownUserAndWrongPasswordAreIndistinguishable() throws Exception {
        Duration delay = Duration.ofMillis(300);
        server = Security.server(root).maxLoginFailures(10).loginFailureDelay(delay).build().start();
        try (RawFtp attacker = RawFtp.connect(server.port())) {
            Reply unknownUser = attacker.send("USER nobody-here");
            long started = System.nanoTime();
            Reply unknownPass = attacker.send("PASS x");
            long unknownMillis = (System.nanoTime() - started) / 1_000_000;

            Reply knownUser = attacker.send("USER " + RawFtp.USER);
            started = System.nanoTime();
            Reply wrongPass = attacker.send("PASS x");
            long wrongMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(unknownUser.encode()).isEqualTo(knownUser.encode()).isEqualTo("331 Please specify the password.\r\n");
            assertThat(unknownPass.encode()).isEqualTo(wrongPass.encode()).isEqualTo("530 Login incorrect.\r\n");
            // both wait the configured delay; the hash check itself is far smaller than the delay
            assertThat(unknownMillis).isBetween(delay.toMillis(), delay.toMillis() + 1_500);
            assertThat(wrongMillis).isBetween(delay.toMillis(), delay.toMillis() + 1_500);
            Security.bystanderIsServed(server);
        }
    }
}
