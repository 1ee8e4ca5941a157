package dev.ftpkit.server.internal;

import dev.ftpkit.testsupport.Background;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(now::get);
    private final InetAddress attacker = address(2);
    private final InetAddress other = address(3);

    @Test
    void anAddressChecksOnePasswordAtATime() throws Exception {
        try (LoginThrottle.Turn first = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(first.penalized()).isFalse();
            assertThat(throttle.awaitTurn(attacker, Duration.ZERO)).isEmpty();
        }
        try (LoginThrottle.Turn again = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void anotherAddressDoesNotWaitForTheFirst() throws Exception {
        try (LoginThrottle.Turn busy = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(busy).isNotNull();
            assertThat(throttle.awaitTurn(other, Duration.ZERO)).isPresent();
        }
    }

    @Test
    void aWaitingCheckGetsItsTurnWhenTheRunningOneEnds() throws Exception {
        LoginThrottle real = new LoginThrottle(System::nanoTime);
        LoginThrottle.Turn first = real.awaitTurn(attacker, Duration.ZERO).orElseThrow();
        CompletableFuture<Optional<LoginThrottle.Turn>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return real.awaitTurn(attacker, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Background.THREADS);
        first.close();
        assertThat(second.get(30, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void aLoginBeyondTheWaitingOnesIsRefusedAtOnce() throws Exception {
        refusesBeyond(new LoginThrottle(System::nanoTime), LoginThrottle.MAX_WAITING);
    }

    @Test
    void theNumberOfWaitingLoginsIsConfigurable() throws Exception {
        refusesBeyond(new LoginThrottle(System::nanoTime, 2), 2);
    }

    private void refusesBeyond(LoginThrottle real, int maxWaiting) throws Exception {
        LoginThrottle.Turn first = real.awaitTurn(attacker, Duration.ZERO).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(maxWaiting);
        try {
            CompletionService<Optional<LoginThrottle.Turn>> waiting = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < maxWaiting; i++) {
                waiting.submit(() -> real.awaitTurn(attacker, Duration.ofSeconds(60)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // no event tells that they wait
            while (real.waiting(attacker) < maxWaiting && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(real.waiting(attacker)).isEqualTo(maxWaiting);

            assertThat(real.awaitTurn(attacker, Duration.ofSeconds(60))).isEmpty(); // at once, not after a minute

            first.close();
            // each waiting login gets its turn once the one before it ends
            for (int i = 0; i < maxWaiting; i++) {
                Future<Optional<LoginThrottle.Turn>> next = waiting.poll(30, TimeUnit.SECONDS);
                assertThat(next).isNotNull();
                next.get().orElseThrow().close();
            }
            assertThat(real.rememberedAddresses()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failuresPastTheAllowancePenalizeTheAddressUntilTheyAreForgotten() throws Exception {
        for (int i = 0; i <= LoginThrottle.FAILURE_ALLOWANCE; i++) {
            try (LoginThrottle.Turn turn = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
                assertThat(turn.penalized()).isFalse();
                turn.failed();
            }
        }
        assertThat(throttle.recentFailures(attacker)).isEqualTo(LoginThrottle.FAILURE_ALLOWANCE + 1);
        try (LoginThrottle.Turn turn = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(turn.penalized()).isTrue();
        }
        try (LoginThrottle.Turn turn = throttle.awaitTurn(other, Duration.ZERO).orElseThrow()) {
            assertThat(turn.penalized()).isFalse();
        }

        now.addAndGet(LoginThrottle.FORGET_ONE_FAILURE.toNanos() * 2);

        assertThat(throttle.recentFailures(attacker)).isEqualTo(LoginThrottle.FAILURE_ALLOWANCE - 1);
        try (LoginThrottle.Turn turn = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(turn.penalized()).isFalse();
        }
    }

    @Test
    void successfulAndForgottenAddressesAreNotKept() throws Exception {
        try (LoginThrottle.Turn turn = throttle.awaitTurn(attacker, Duration.ZERO).orElseThrow()) {
            assertThat(turn).isNotNull();
        }
        assertThat(throttle.rememberedAddresses()).isZero();
    }

    @Test
    void theTableOfAddressesStaysBounded() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 100; i++) {
            try (LoginThrottle.Turn turn = throttle.awaitTurn(address(i), Duration.ZERO).orElseThrow()) {
                turn.failed();
            }
        }
        assertThat(throttle.rememberedAddresses()).isLessThanOrEqualTo(LoginThrottle.MAX_ADDRESSES);
    }

    private static InetAddress address(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
