package dev.ftpkit.server;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    private static Optional<Account> account(String name) {
        return Optional.of(Account.atRoot(name, Permission.readOnly()));
    }

    @Test
    void anAccountsOwnLimitWinsThenTheAnonymousOneThenEveryones() {
        RateLimits limits = RateLimits.builder().everyone(RateLimit.of(5_000_000))
                .anonymous(new RateLimit(0, 1_000_000)).account("backup", RateLimit.UNLIMITED)
                .account("ftp", RateLimit.of(7)).build();
        assertThat(limits.limitFor(account("alice"))).isEqualTo(RateLimit.of(5_000_000));
        assertThat(limits.limitFor(account("anonymous"))).isEqualTo(new RateLimit(0, 1_000_000));
        assertThat(limits.limitFor(account("ftp"))).isEqualTo(RateLimit.of(7));
        assertThat(limits.limitFor(account("backup"))).isEqualTo(RateLimit.UNLIMITED);
        assertThat(limits.limitFor(Optional.empty())).isEqualTo(RateLimit.of(5_000_000));
        assertThat(limits.any()).isTrue();
    }

    @Test
    void withoutAnAnonymousLimitAnonymousSessionsGetEveryonesLimit() {
        RateLimits limits = RateLimits.builder().everyone(RateLimit.of(10)).build();
        assertThat(limits.limitFor(account("anonymous"))).isEqualTo(RateLimit.of(10));
        assertThat(RateLimits.NONE.limitFor(account("anonymous"))).isEqualTo(RateLimit.UNLIMITED);
        assertThat(RateLimits.NONE.any()).isFalse();
    }

    @Test
    void limitsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> RateLimit.of(-1)).hasMessageContaining("rate limit");
        assertThatThrownBy(() -> RateLimit.of(RateLimit.MAX_BYTES_PER_SECOND + 1)).hasMessageContaining("rate limit");
        assertThatThrownBy(() -> new Quota(-1, 0)).hasMessageContaining("quota");
    }
}
