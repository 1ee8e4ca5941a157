package dev.ftpkit.server.internal;

import dev.ftpkit.server.LoginTurn;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Password checks per client address, across all its connections (issue 13, attack 4: 95 connections from one
 * address sending wrong passwords kept every core busy with PBKDF2 and starved every other client).
 *
 * <ul>
 *   <li>An address gets one check at a time: its other logins wait for their turn, so one address never holds more
 *       than one core, however many connections it opens. At most {@code maxWaiting} wait (default
 *       {@link #MAX_WAITING}, {@code DefenderSettings.maxWaitingLogins}); a login beyond them,
 *       or one that waited too long, is refused at once without a check.</li>
 *   <li>Failures are remembered per address and forgotten one every {@link #FORGET_ONE_FAILURE}; an address past
 *       {@link #FAILURE_ALLOWANCE} is {@linkplain Turn#penalized() penalized}: the caller waits the login failure
 *       delay before the check while holding the turn, so the address gets at most one check per delay.</li>
 * </ul>
 * Bans of addresses are the {@code Defender}'s, which counts more than failed passwords.
 */
public final class LoginThrottle {

    /** Failures an address may have in a short time before its checks are slowed. */
    static final int FAILURE_ALLOWANCE = 10;
    /** How fast a failure is forgotten. */
    static final Duration FORGET_ONE_FAILURE = Duration.ofSeconds(6);
    /** Logins of one address that may wait for their turn, by default. */
    static final int MAX_WAITING = 32;
    /** Addresses remembered at most; beyond, idle ones are forgotten first (an attacker with many addresses). */
    static final int MAX_ADDRESSES = 10_000;

    /** One address's state; guarded by the throttle's lock. */
    private static final class Address {
        boolean checking;
        int waiting;
        double failures;
        long updated;
    }

    private final LongSupplier nanoClock;
    private final int maxWaiting;
    private final Map<InetAddress, Address> addresses = new HashMap<>();

    /**
     * @param nanoClock the time in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    public LoginThrottle(LongSupplier nanoClock) {
        this(nanoClock, MAX_WAITING);
    }

    /**
     * @param nanoClock  the time in nanoseconds
     * @param maxWaiting how many logins of one address may wait for their turn, at least 1
     */
    public LoginThrottle(LongSupplier nanoClock, int maxWaiting) {
        this.nanoClock = nanoClock;
        this.maxWaiting = maxWaiting;
    }

    /** The right to check one password of an address; close it when the check is done. */
    public final class Turn implements LoginTurn {
        private final InetAddress address;
        private final boolean penalized;
        private boolean closed;

        private Turn(InetAddress address, boolean penalized) {
            this.address = address;
            this.penalized = penalized;
        }

        /** Whether the address failed so often of late that this check should wait the failure delay first. */
        @Override
        public boolean penalized() {
            return penalized;
        }

        /** Counts a failed check against the address. */
        @Override
        public void failed() {
            synchronized (LoginThrottle.this) {
                Address state = stateOf(address);
                state.failures += 1;
            }
        }

        /** Gives the turn to the next check of the address. */
        @Override
        public void close() {
            synchronized (LoginThrottle.this) {
                if (closed) {
                    return;
                }
                closed = true;
                Address state = stateOf(address);
                state.checking = false;
                if (state.failures == 0 && state.waiting == 0) {
                    addresses.remove(address);
                }
                LoginThrottle.this.notifyAll();
            }
        }
    }

    /**
     * Waits until the address may check a password.
     *
     * @param address the client's address
     * @param maxWait how long to wait for the address's earlier checks
     * @return the turn, or empty if the wait timed out
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized Optional<Turn> awaitTurn(InetAddress address, Duration maxWait) throws InterruptedException {
        long deadline = nanoClock.getAsLong() + maxWait.toNanos();
        Address state = stateOf(address);
        if (state.checking && state.waiting >= maxWaiting) {
            return Optional.empty();
        }
        state.waiting++;
        try {
            while (state.checking) {
                long left = deadline - nanoClock.getAsLong();
                if (left <= 0) {
                    return Optional.empty();
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } finally {
            state.waiting--;
        }
        state.checking = true;
        return Optional.of(new Turn(address, state.failures > FAILURE_ALLOWANCE));
    }

    /**
     * The failures of an address not yet forgotten.
     *
     * @param address the client's address
     * @return the count, rounded down
     */
    synchronized int recentFailures(InetAddress address) {
        Address state = addresses.get(address);
        if (state == null) {
            return 0;
        }
        forget(state);
        return (int) state.failures;
    }

    /** How many logins of an address wait for their turn (for tests). */
    synchronized int waiting(InetAddress address) {
        Address state = addresses.get(address);
        return state == null ? 0 : state.waiting;
    }

    /** How many addresses are remembered (for tests: the table stays bounded). */
    synchronized int rememberedAddresses() {
        return addresses.size();
    }

    private Address stateOf(InetAddress address) {
        Address state = addresses.get(address);
        if (state == null) {
            if (addresses.size() >= MAX_ADDRESSES) {
                forgetIdleAddresses();
            }
            state = new Address();
            state.updated = nanoClock.getAsLong();
            addresses.put(address, state);
        }
        forget(state);
        return state;
    }

    private void forget(Address state) {
        long now = nanoClock.getAsLong();
        double forgotten = (double) (now - state.updated) / FORGET_ONE_FAILURE.toNanos();
        state.failures = Math.max(0, state.failures - forgotten);
        state.updated = now;
    }

    /** Drops addresses without a check running or waiting: first those whose failures are forgotten, then any. */
    private void forgetIdleAddresses() {
        for (Iterator<Address> it = addresses.values().iterator(); it.hasNext(); ) {
            Address state = it.next();
            forget(state);
            if (!state.checking && state.waiting == 0 && state.failures == 0) {
                it.remove();
            }
        }
        if (addresses.size() >= MAX_ADDRESSES) {
            addresses.values().removeIf(state -> !state.checking && state.waiting == 0);
        }
    }
}
