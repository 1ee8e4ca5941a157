package dev.ftpkit.server.internal;

import dev.ftpkit.server.internal.data.DirectBuffers;
import dev.ftpkit.server.internal.data.PassivePortPool;
import dev.ftpkit.server.internal.data.SendWays;
import dev.ftpkit.server.internal.limits.Defender;
import dev.ftpkit.server.internal.limits.QuotaBook;

import java.util.concurrent.Semaphore;

/**
 * What all sessions of a server share.
 *
 * @param passivePorts   the passive port pool
 * @param loginThrottle  password checks per client address, across its connections
 * @param listingHelpers permits for the helper threads that read large listings
 * @param defender       the scores and bans of client addresses
 * @param quotas         the storage usage of the homes with a quota
 * @param sendWays       how downloads move their bytes, measured per file store
 * @param buffers        the direct buffers of plain binary transfers, reused across them
 */
public record ServerResources(PassivePortPool passivePorts, LoginThrottle loginThrottle, Semaphore listingHelpers,
                              Defender defender, QuotaBook quotas, SendWays sendWays,
                              DirectBuffers buffers) {
}
