package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ModeZTest {

    @Test
    void featLineIsModeZ() {
        assertThat(ModeZ.FEATURE.line()).isEqualTo("MODE Z");
    }

    @Test
    void levelOptionParsesInAnyCase() throws Exception {
        assertThat(ModeZ.parseLevelOption("z level 7")).isEqualTo(7);
        assertThat(ModeZ.parseLevelOption(" Z  LEVEL 0 ")).isZero();
    }

    @Test
    void otherEngineOptionsAreRefused() {
        assertThatThrownBy(() -> ModeZ.parseLevelOption("Z ENGINE zlib")).isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ModeZ.parseLevelOption("Z LEVEL 10")).isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ModeZ.parseLevelOption("Z LEVEL")).isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void levelsOutsideZeroToNineAreRejected() {
        assertThatThrownBy(() -> ModeZ.levelOption(10)).hasMessageContaining("MODE Z level");
        assertThatThrownBy(() -> ModeZ.checkLevel(-1)).hasMessageContaining("MODE Z level");
    }

    @Property(tries = 100)
    void levelOptionRoundTrips(@ForAll @IntRange(min = 0, max = 9) int level) throws Exception {
        String option = ModeZ.levelOption(level);
        assertThat(option).startsWith("MODE ");
        assertThat(ModeZ.parseLevelOption(option.substring("MODE ".length()))).isEqualTo(level);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("Zz LEVEL0123456789 \t").ofMaxLength(20));
    }

    @Property(tries = 1000)
    void junkGivesALevelOrFtpProtocolException(@ForAll("junk") String value) {
        try {
            assertThat(ModeZ.parseLevelOption(value)).isBetween(0, 9);
        } catch (FtpProtocolException expected) {
            assertThat(expected).hasMessageContaining("LEVEL");
        }
    }
}
