package dev.ftpkit.server.security;

import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password-hash CPU exhaustion (issue 13, attack 4): 95 connections from one address (under the default limit of
 * 100 per address) send wrong passwords for a user hashed with the real PBKDF2 iteration count. Clients from other
 * addresses are still served: an anonymous login computes no hash at all, a named login waits for at most a few
 * hashes, and no more hashes run at once than the bound allows (CWE-400, CWE-770).
 */
class PasswordHashExhaustionTest extends SecurityFixture {

    private static final int ATTACKERS = 95;
    private static final String ATTACKER_ADDRESS = "127.0.0.2";

    private final InMemoryUsers users = InMemoryUsers.builder().user(RawFtp.USER, RawFtp.PASSWORD).build();

    private void startServer() throws IOException {
        server = Security.server(root)
                .authenticator(users.orElse(Authenticator.anonymous(Permission.readOnly())))
                .build().start();
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotStarveClientsFromOthers() throws Exception {
        startServer();
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS + 2);
        try {
            CountDownLatch connected = new CountDownLatch(ATTACKERS);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch sent = new CountDownLatch(ATTACKERS);
            List<Future<?>> attackers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                int attacker = i;
                attackers.add(pool.submit(() -> guess(attacker, connected, go, sent)));
            }
            assertThat(connected.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            assertThat(sent.await(60, TimeUnit.SECONDS)).isTrue();

            // while the hashes of the flood are queued or running
            Future<?> anonymous = pool.submit(() -> {
                bystanderListsAndDownloads("127.0.0.3", "anonymous", "bystander@example.org");
                return null;
            });
            Future<?> named = pool.submit(() -> {
                bystanderListsAndDownloads("127.0.0.4", RawFtp.USER, RawFtp.PASSWORD);
                return null;
            });
            anonymous.get(30, TimeUnit.SECONDS);
            named.get(60, TimeUnit.SECONDS);
            for (Future<?> attacker : attackers) {
                attacker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        InMemoryUsers.Hashing hashing = users.hashing();
        assertThat(hashing.allowedAtOnce()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(hashing.mostAtOnce()).isBetween(1, hashing.allowedAtOnce());
    }

    // the anonymous names are public: a decoy hash for them hides nothing and costs a core's time (issue 13)
    @Test
    void anonymousLoginComputesNoHash() throws Exception {
        startServer();
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER anonymous");
            ftp.expect(230, "PASS guest@example.org");
            ftp.expect(221, "QUIT");
        }
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER FTP");
            ftp.expect(230, "PASS guest@example.org");
        }
        assertThat(users.hashing().computed()).isZero();
        Security.bystanderIsServed(server); // a named login does hash
        assertThat(users.hashing().computed()).isEqualTo(1);
    }

    /** One attacking connection: USER, then a wrong password once every connection is ready. */
    private Void guess(int attacker, CountDownLatch connected, CountDownLatch go, CountDownLatch sent)
            throws Exception {
        try (RawFtp ftp = RawFtp.connect(ATTACKER_ADDRESS, server.port())) {
            ftp.expect(331, "USER " + RawFtp.USER);
            connected.countDown();
            go.await(60, TimeUnit.SECONDS);
            ftp.sendRaw(("PASS wrong-" + attacker + "\r\n").getBytes(StandardCharsets.US_ASCII));
            sent.countDown();
            int code = ftp.read().codeValue();
            assertThat(code).isIn(530, 421);
        } catch (IOException refusedOrTimedOut) {
            // a connection the server closed or never answered in time is no failure of the server's bystanders
        } finally {
            connected.countDown();
            sent.countDown();
        }
        return null;
    }

    private void bystanderListsAndDownloads(String from, String user, String password) throws IOException {
        try (RawFtp ftp = RawFtp.connect(from, server.port())) {
            ftp.expect(331, "USER " + user);
            ftp.expect(230, "PASS " + password);
            assertThat(ftp.list("NLST")).contains(Security.PROBE);
            assertThat(new String(ftp.retrieve(Security.PROBE), StandardCharsets.UTF_8))
                    .isEqualTo(Security.PROBE_CONTENT);
            assertThat(ftp.reply("QUIT")).startsWith("221 ");
        }
    }
}
