package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Quota;
import dev.ftpkit.server.Quotas;
import dev.ftpkit.server.StorageQuota;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The usage of every home directory with a quota, shared by all sessions of a server: walked the first time an
 * account with a quota logs in, then kept by the counters (issue 19: no walk per upload).
 */
public final class QuotaBook {

    private final Quotas quotas;
    private final Map<Path, QuotaUsage> usages = new HashMap<>();

    /**
     * @param quotas the quota of each account
     */
    public QuotaBook(Quotas quotas) {
        this.quotas = quotas;
    }

    /**
     * The quota of an account that just logged in, walking its home if no session counted it yet.
     *
     * @param account the account
     * @param home    its home directory
     * @return its quota, or {@link StorageQuota#UNLIMITED}
     * @throws IOException if the home cannot be walked
     */
    public StorageQuota quotaOf(Account account, Path home) throws IOException {
        Optional<Quota> quota = quotas.of(account.name());
        if (quota.isEmpty()) {
            return StorageQuota.UNLIMITED;
        }
        Path key = home.toAbsolutePath().normalize();
        // one walk per home even when its sessions log in at once: the walk runs under the book's lock
        synchronized (this) {
            QuotaUsage usage = usages.get(key);
            if (usage == null) {
                usage = QuotaUsage.walk(key);
                usages.put(key, usage);
            }
            return new AccountQuota(quota.get(), usage);
        }
    }
}
