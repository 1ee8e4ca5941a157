package dev.ftpkit.server.security;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.DefenderSettings;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RawFtp;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address queue of password checks (issue 13, attack 4) bounds the hashing of one address; a login whose
 * check costs nothing (anonymous) neither waits in it nor is refused by it (issue 21: a thousand anonymous clients
 * behind one address got 421 while the queue was full).
 */
class FreeLoginQueueTest extends SecurityFixture {

    private static final int ANONYMOUS_CLIENTS = 20;
    private static final String NAMED = "bob";

    private final CountDownLatch checking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A named check that holds its turn until the test releases it (a slow PBKDF2, a slow directory). */
    private final Authenticator slowNamedCheck = new Authenticator() {
        @Override
        public Optional<Account> authenticate(String user, String password, InetAddress client) throws IOException {
            checking.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public boolean checkCosts(String userName) {
            return !userName.equals("anonymous");
        }
    };

    @Test
    void anonymousLoginsFromAnAddressWhoseQueueIsFullAreAllServed() throws Exception {
        server = Security.server(root)
                .authenticator(Authenticator.anonymous(Permission.readOnly()).orElse(slowNamedCheck))
                .defender(DefenderSettings.builder().maxWaitingLogins(1).build())
                .build().start();
        List<CompletableFuture<Integer>> named = new ArrayList<>();
        try {
            named.add(namedLogin()); // holds the address's turn
            assertThat(checking.await(30, TimeUnit.SECONDS)).isTrue();
            named.add(namedLogin()); // of these two, one waits and the queue (1) is full: the other gets 421
            named.add(namedLogin());
            assertThat(CompletableFuture.anyOf(named.get(1), named.get(2)).get(30, TimeUnit.SECONDS)).isEqualTo(421);

            List<CompletableFuture<Integer>> anonymous = new ArrayList<>();
            for (int i = 0; i < ANONYMOUS_CLIENTS; i++) {
                anonymous.add(CompletableFuture.supplyAsync(this::anonymousLogin, Background.THREADS));
            }
            for (CompletableFuture<Integer> login : anonymous) {
                assertThat(login.get(60, TimeUnit.SECONDS)).isEqualTo(230);
            }
        } finally {
            release.countDown();
        }
        List<Integer> namedCodes = new ArrayList<>();
        for (CompletableFuture<Integer> login : named) {
            namedCodes.add(login.get(60, TimeUnit.SECONDS));
        }
        assertThat(namedCodes).containsExactlyInAnyOrder(530, 530, 421); // the queue still refused one check
    }

    @Test
    void onlyChecksThatCostNothingSkipTheQueue() {
        InMemoryUsers users = InMemoryUsers.builder().iterations(1).user(NAMED, "secret").build();
        Authenticator anonymous = Authenticator.anonymous(Permission.readOnly());
        Authenticator lambda = (user, password, client) -> Optional.empty();

        assertThat(anonymous.checkCosts("anonymous")).isFalse();
        assertThat(Authenticator.denyAll().checkCosts(NAMED)).isFalse();
        assertThat(users.checkCosts("FTP")).isFalse(); // a public name, refused without a decoy hash
        assertThat(users.checkCosts(NAMED)).isTrue();
        assertThat(users.checkCosts("nobody")).isTrue(); // an unknown name costs a decoy hash
        assertThat(lambda.checkCosts("anonymous")).isTrue(); // nothing said: taken as costly
        assertThat(users.orElse(anonymous).checkCosts("anonymous")).isFalse();
        assertThat(anonymous.orElse(users).checkCosts(NAMED)).isTrue();
        assertThat(anonymous.orElse(lambda).checkCosts("anonymous")).isTrue();
    }

    private CompletableFuture<Integer> namedLogin() {
        return CompletableFuture.supplyAsync(() -> {
            try (RawFtp ftp = RawFtp.connect(server.port())) {
                ftp.expect(331, "USER " + NAMED);
                return Integer.parseInt(ftp.reply("PASS wrong").substring(0, 3));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, Background.THREADS);
    }

    private int anonymousLogin() {
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER anonymous");
            int code = Integer.parseInt(ftp.reply("PASS guest@example.org").substring(0, 3));
            ftp.reply("QUIT");
            return code;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
