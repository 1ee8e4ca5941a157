package dev.ftpkit.examples.cli;

import dev.ftpkit.examples.UsageException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @Test
    void suffixesCountInPowersOfTenAsVsftpdDoes() throws Exception {
        assertThat(ByteSize.parse("--max-rate", "5M", Long.MAX_VALUE)).isEqualTo(5_000_000);
        assertThat(ByteSize.parse("--max-rate", "5m", Long.MAX_VALUE)).isEqualTo(5_000_000);
        assertThat(ByteSize.parse("--max-rate", "64K", Long.MAX_VALUE)).isEqualTo(64_000);
        assertThat(ByteSize.parse("--quota", "2G", Long.MAX_VALUE)).isEqualTo(2_000_000_000L);
        assertThat(ByteSize.parse("--quota", "1234", Long.MAX_VALUE)).isEqualTo(1234);
        assertThat(ByteSize.parse("--quota", "0", Long.MAX_VALUE)).isZero();
    }

    @Test
    void junkAndValuesPastTheMaximumNameTheOptionAndTheUnits() {
        assertThatThrownBy(() -> ByteSize.parse("--max-rate", "5 MB", 100)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-rate").hasMessageContaining("K = 1,000");
        assertThatThrownBy(() -> ByteSize.parse("--max-rate", "-1", 100)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ByteSize.parse("--max-rate", "1K", 999)).isInstanceOf(UsageException.class)
                .hasMessageContaining("at most 999");
        assertThatThrownBy(() -> ByteSize.parse("--quota", "99999999999999999999G", Long.MAX_VALUE))
                .isInstanceOf(UsageException.class);
    }

    @Property
    void everyNumberWithASuffixIsThatManyUnits(@ForAll @LongRange(min = 0, max = 9_000_000) long n) throws Exception {
        assertThat(ByteSize.parse("--x", n + "K", Long.MAX_VALUE)).isEqualTo(n * 1_000);
        assertThat(ByteSize.parse("--x", n + "M", Long.MAX_VALUE)).isEqualTo(n * 1_000_000);
        assertThat(ByteSize.parse("--x", n + "G", Long.MAX_VALUE)).isEqualTo(n * 1_000_000_000);
        assertThat(ByteSize.parse("--x", Long.toString(n), Long.MAX_VALUE)).isEqualTo(n);
    }

    @Property
    void anyTextIsASizeOrAUsageError(@ForAll String text) {
        try {
            assertThat(ByteSize.parse("--x", text, Long.MAX_VALUE)).isNotNegative();
        } catch (UsageException expected) {
            assertThat(expected).hasMessageContaining("--x");
        }
    }
}
