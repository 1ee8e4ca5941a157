package dev.ftpkit.server.internal;

import dev.ftpkit.server.internal.data.PassivePortPool;

import java.util.concurrent.Semaphore;

/**
 * What all sessions of a server share.
 *
 * @param passivePorts   the passive port pool
 * @param loginThrottle  password checks per client address, across its connections
 * @param listingHelpers permits for the helper threads that read large listings
 */
public record ServerResources(PassivePortPool passivePorts, LoginThrottle loginThrottle, Semaphore listingHelpers) {
}
