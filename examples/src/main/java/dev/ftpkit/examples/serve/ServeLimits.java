package dev.ftpkit.examples.serve;

import dev.ftpkit.server.DefenderSettings;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.Quota;
import dev.ftpkit.server.Quotas;
import dev.ftpkit.server.RateLimit;
import dev.ftpkit.server.RateLimits;

import java.time.Duration;
import java.util.Map;

/** What {@code --max-rate}, {@code --max-rate-anonymous}, {@code --quota} and {@code --ban-*} set on the server. */
final class ServeLimits {

    private ServeLimits() {
    }

    static void apply(ServeSettings settings, FtpServer.Builder builder) {
        if (settings.maxRate >= 0 || settings.maxRateAnonymous >= 0) {
            RateLimits.Builder rates = RateLimits.builder();
            if (settings.maxRate >= 0) {
                rates.everyone(RateLimit.of(settings.maxRate));
            }
            if (settings.maxRateAnonymous >= 0) {
                rates.anonymous(RateLimit.of(settings.maxRateAnonymous));
            }
            builder.rateLimits(rates.build());
        }
        if (!settings.quotas.isEmpty()) {
            Quotas.Builder quotas = Quotas.builder();
            for (Map.Entry<String, Long> quota : settings.quotas.entrySet()) {
                quotas.account(quota.getKey(), Quota.bytes(quota.getValue()));
            }
            builder.quotas(quotas.build());
        }
        if (settings.banAfter > 0 || settings.banTime != null) {
            DefenderSettings.Builder defender = DefenderSettings.builder().banAfter(settings.banAfter);
            if (settings.banTime != null) {
                // repeat offenders: doubled each time up to a day, or the ban time itself if it is longer
                Duration longest = DefenderSettings.DEFAULTS.maxBanTime();
                defender.banTime(settings.banTime)
                        .maxBanTime(settings.banTime.compareTo(longest) > 0 ? settings.banTime : longest);
            }
            builder.defender(defender.build());
        }
    }
}
