package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.DefenderSettings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defender's scores and bans on a clock the test moves: no waiting for a ban to end. */
class DefenderTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final InetAddress attacker = address("127.0.0.2");
    private final InetAddress bystander = address("127.0.0.3");

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private Defender defender(DefenderSettings.Builder settings) {
        return new Defender(settings.clock(clock).build());
    }

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    private void fail(Defender defender, InetAddress address, int times) {
        for (int i = 0; i < times; i++) {
            defender.offence(address, Defender.Offence.LOGIN_FAILURE);
        }
    }

    @Test
    void theNthFailureBansTheAddressAndNoOtherOne() {
        Defender defender = defender(DefenderSettings.builder().banAfter(3).banTime(Duration.ofMinutes(5)));
        fail(defender, attacker, 2);
        assertThat(defender.banned(attacker)).isFalse();
        fail(defender, attacker, 1);
        assertThat(defender.banned(attacker)).isTrue();
        assertThat(defender.banned(bystander)).isFalse();
    }

    @Test
    void aBanEndsAfterItsTime() {
        Defender defender = defender(DefenderSettings.builder().banAfter(2).banTime(Duration.ofMinutes(5)));
        fail(defender, attacker, 2);
        advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(defender.banned(attacker)).isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(defender.banned(attacker)).isFalse();
    }

    @Test
    void repeatOffendersAreBannedTwiceAsLongEachTimeUpToTheMaximum() {
        Defender defender = defender(DefenderSettings.builder().banAfter(1).banTime(Duration.ofMinutes(1))
                .maxBanTime(Duration.ofMinutes(3)));
        for (Duration expected : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3),
                Duration.ofMinutes(3)}) {
            fail(defender, attacker, 1);
            advance(expected.minusSeconds(1));
            assertThat(defender.banned(attacker)).as("banned for %s", expected).isTrue();
            advance(Duration.ofSeconds(1));
            assertThat(defender.banned(attacker)).as("free after %s", expected).isFalse();
        }
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        Defender defender = defender(DefenderSettings.builder().banAfter(3).window(Duration.ofMinutes(10)));
        fail(defender, attacker, 2);
        advance(Duration.ofMinutes(11));
        fail(defender, attacker, 2);
        assertThat(defender.banned(attacker)).isFalse();
        fail(defender, attacker, 1);
        assertThat(defender.banned(attacker)).isTrue();
    }

    @Test
    void otherAbuseAddsToTheSameScore() {
        Defender defender = defender(DefenderSettings.builder().banAfter(3));
        defender.offence(attacker, Defender.Offence.BOUNCE);
        defender.offence(attacker, Defender.Offence.LINE_TOO_LONG);
        defender.offence(attacker, Defender.Offence.PASSIVE_FLOOD);
        assertThat(defender.banned(attacker)).isTrue();
    }

    @Test
    void allowedAddressesAndNetworksAreNeverBanned() {
        Defender defender = defender(DefenderSettings.builder().banAfter(1).allow("127.0.0.0/30").allow("::1"));
        fail(defender, attacker, 5); // 127.0.0.2 is inside 127.0.0.0/30
        fail(defender, address("::1"), 5);
        fail(defender, address("127.0.0.4"), 1);
        assertThat(defender.banned(attacker)).isFalse();
        assertThat(defender.banned(address("::1"))).isFalse();
        assertThat(defender.banned(address("127.0.0.4"))).isTrue();
    }

    @Test
    void withoutBanAfterNothingIsCountedOrBanned() {
        Defender defender = defender(DefenderSettings.builder());
        fail(defender, attacker, 1000);
        assertThat(defender.banned(attacker)).isFalse();
        assertThat(defender.rememberedAddresses()).isZero();
    }

    @Test
    void theTableOfAddressesStaysBounded() throws Exception {
        Defender defender = defender(DefenderSettings.builder().banAfter(5));
        byte[] bytes = {10, 0, 0, 0};
        for (int i = 0; i < Defender.MAX_ADDRESSES + 500; i++) {
            bytes[1] = (byte) (i >> 16);
            bytes[2] = (byte) (i >> 8);
            bytes[3] = (byte) i;
            defender.offence(InetAddress.getByAddress(bytes), Defender.Offence.LOGIN_FAILURE);
        }
        assertThat(defender.rememberedAddresses()).isLessThanOrEqualTo(Defender.MAX_ADDRESSES);
    }

    @Test
    void settingsNameTheOptionTheyRefuse() {
        assertThatThrownBy(() -> DefenderSettings.builder().banAfter(-1)).hasMessageContaining("banAfter");
        assertThatThrownBy(() -> DefenderSettings.builder().banTime(Duration.ZERO)).hasMessageContaining("banTime");
        assertThatThrownBy(() -> DefenderSettings.builder().allow("example.com")).hasMessageContaining("allow");
        assertThatThrownBy(() -> DefenderSettings.builder().allow("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> DefenderSettings.builder().maxWaitingLogins(0))
                .hasMessageContaining("maxWaitingLogins");
        assertThatThrownBy(() -> DefenderSettings.builder().banTime(Duration.ofHours(2))
                .maxBanTime(Duration.ofHours(1)).build()).hasMessageContaining("maxBanTime");
    }
}
