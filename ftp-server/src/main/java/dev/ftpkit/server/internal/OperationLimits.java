package dev.ftpkit.server.internal;

import dev.ftpkit.server.DefenderSettings;
import dev.ftpkit.server.Quotas;
import dev.ftpkit.server.RateLimits;

/**
 * The limits an operator sets on a server (issue 19), as {@code FtpServer.Builder} validated them.
 *
 * @param rateLimits bandwidth per session
 * @param quotas     storage per account
 * @param defender   bans of abusive addresses, and the login queue per address
 */
public record OperationLimits(RateLimits rateLimits, Quotas quotas, DefenderSettings defender) {

    /** No limits: the defaults. */
    public static final OperationLimits NONE = new OperationLimits(RateLimits.NONE, Quotas.NONE,
            DefenderSettings.DEFAULTS);
}
