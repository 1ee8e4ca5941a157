package dev.ftpkit.examples.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandAddedSectionsTest {

    private static final String PREVIOUS = """
            # Benchmarks

            Written by the harness.

            ## 1. Server throughput

            | a | b |

            ## 9. Segmented downloads (added to this file by hand from its own run)

            nine

            ## 10. S3 root

            Added to this file by hand: ten
            ## 11. Generated only
            eleven
            """;

    @Test
    void sectionsAddedByHandAreCarriedOverWhateverTheirNumber() {
        String fresh = "# Benchmarks\n\n## 1. Server throughput\n\nnew\n";

        assertThat(HandAddedSections.missingFrom(fresh, PREVIOUS)).isEqualTo("""
                ## 9. Segmented downloads (added to this file by hand from its own run)

                nine

                ## 10. S3 root

                Added to this file by hand: ten
                """);
    }

    @Test
    void aSectionTheNewRunMeasuredAgainReplacesTheOldOne() {
        String fresh = "# Benchmarks\n\n## 9. Segmented downloads and mirror\n\nnew nine\n";

        assertThat(HandAddedSections.missingFrom(fresh, PREVIOUS))
                .doesNotContain("nine\n\n## 10")
                .startsWith("## 10. S3 root");
    }

    @Test
    void aFileWithoutSectionsCarriesNothing() {
        assertThat(HandAddedSections.missingFrom("# Benchmarks\n", "no headings here\n")).isEmpty();
        assertThat(HandAddedSections.missingFrom("# Benchmarks\n", "")).isEmpty();
    }
}
