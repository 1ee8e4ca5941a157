package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.DefenderSettings;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Scores and bans client addresses as {@link DefenderSettings} says: one table for the whole server, guarded by
 * its own lock, bounded in size (an attacker with many addresses fills it with entries that expire first).
 */
public final class Defender {

    /** What adds to an address's score; one point each. */
    public enum Offence {
        /** A PASS that failed. */
        LOGIN_FAILURE,
        /** PORT or EPRT refused for another host or a low port: FTP bounce (RFC 2577 §3). */
        BOUNCE,
        /** Passive listeners asked for again and again without a transfer. */
        PASSIVE_FLOOD,
        /** A command line past the limit. */
        LINE_TOO_LONG
    }

    /** Addresses remembered at most. */
    static final int MAX_ADDRESSES = 10_000;

    /** One address's record. */
    private static final class Record {
        int score;
        Instant lastOffence;
        Instant bannedUntil = Instant.MIN;
        int bans;
    }

    private final DefenderSettings settings;
    private final Map<InetAddress, Record> records = new HashMap<>();

    /**
     * @param settings the thresholds, the allow list and the clock
     */
    public Defender(DefenderSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether an address is banned now.
     *
     * @param address the client's address
     * @return true while a ban runs
     */
    public synchronized boolean banned(InetAddress address) {
        Record record = records.get(address);
        return record != null && settings.clock().instant().isBefore(record.bannedUntil);
    }

    /**
     * Adds a point to an address's score, banning it when the score reaches the threshold.
     *
     * @param address the client's address
     * @param offence what it did
     */
    public synchronized void offence(InetAddress address, Offence offence) {
        if (settings.banAfter() == 0 || settings.allowed(address)) {
            return;
        }
        Instant now = settings.clock().instant();
        Record record = records.get(address);
        if (record == null) {
            if (records.size() >= MAX_ADDRESSES) {
                forgetExpired(now);
            }
            record = new Record();
            records.put(address, record);
        } else if (now.isAfter(record.lastOffence.plus(settings.window()))) {
            record.score = 0;
        }
        record.lastOffence = now;
        if (now.isBefore(record.bannedUntil)) {
            return; // already banned: what it does meanwhile does not lengthen the ban
        }
        if (++record.score >= settings.banAfter()) {
            record.bannedUntil = now.plus(banTime(record.bans));
            record.bans++;
            record.score = 0;
        }
    }

    /** The ban time doubled for each earlier ban, up to the maximum. */
    private Duration banTime(int earlierBans) {
        Duration time = settings.banTime();
        for (int i = 0; i < earlierBans && time.compareTo(settings.maxBanTime()) < 0; i++) {
            time = time.multipliedBy(2);
        }
        return time.compareTo(settings.maxBanTime()) < 0 ? time : settings.maxBanTime();
    }

    /**
     * Drops records not banned whose score and earlier bans are stale; if all are live, the oldest offenders not
     * banned go, then any (a full table must not stop the server from banning).
     */
    private void forgetExpired(Instant now) {
        Instant stale = now.minus(settings.maxBanTime());
        for (Iterator<Record> it = records.values().iterator(); it.hasNext(); ) {
            Record record = it.next();
            if (!now.isBefore(record.bannedUntil) && record.lastOffence.isBefore(stale)) {
                it.remove();
            }
        }
        if (records.size() >= MAX_ADDRESSES) {
            records.values().removeIf(record -> !now.isBefore(record.bannedUntil));
        }
        if (records.size() >= MAX_ADDRESSES) {
            records.clear();
        }
    }

    /** How many addresses are remembered (for tests: the table stays bounded). */
    synchronized int rememberedAddresses() {
        return records.size();
    }
}
