package dev.ftpkit.server.observe;

import dev.ftpkit.server.TransferEvent.Direction;
import dev.ftpkit.testsupport.PrometheusSamples;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final MetricsSnapshot SNAPSHOT = new MetricsSnapshot(1, 4, 3, 2,
            Map.of(Direction.UPLOAD, new MetricsSnapshot.Transfers(3, 1, 6500)),
            new TreeMap<>(Map.of("STOR", 4L)), new TreeMap<>(Map.of(226, 7L)));

    @Test
    void everyFamilyHasHelpAndTypeThenItsSamples() {
        String text = PrometheusText.render(SNAPSHOT);
        assertThat(text).startsWith("""
                # HELP ftpkit_sessions_active FTP control connections open now.
                # TYPE ftpkit_sessions_active gauge
                ftpkit_sessions_active 1
                # HELP ftpkit_sessions_total FTP control connections accepted.
                # TYPE ftpkit_sessions_total counter
                ftpkit_sessions_total 4
                # HELP ftpkit_logins_total Logins by result.
                # TYPE ftpkit_logins_total counter
                ftpkit_logins_total{result="success"} 3
                ftpkit_logins_total{result="failure"} 2
                """);
        assertThat(text).contains("""
                ftpkit_transfers_total{direction="upload",result="ok"} 3
                ftpkit_transfers_total{direction="upload",result="failed"} 1
                ftpkit_transfers_total{direction="download",result="ok"} 0
                """).contains("ftpkit_transfer_bytes_total{direction=\"upload\"} 6500\n")
                .contains("ftpkit_commands_total{verb=\"STOR\"} 4\n")
                .endsWith("ftpkit_replies_total{code=\"226\"} 7\n");
        PrometheusSamples samples = PrometheusSamples.parse(text);
        assertThat(samples.value("ftpkit_transfer_bytes_total{direction=\"download\"}")).isZero();
    }

    @Test
    void renderingIsAPureFunctionOfTheSnapshot() {
        assertThat(PrometheusText.render(SNAPSHOT)).isEqualTo(PrometheusText.render(SNAPSHOT));
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndLineFeed() {
        assertThat(PrometheusText.escapeLabelValue("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
    }

    @Property
    void escapedLabelValueStaysInsideItsQuotesAndUnescapesBack(@ForAll String value) {
        String escaped = PrometheusText.escapeLabelValue(value);
        assertThat(escaped).doesNotContain("\n");
        assertThat(escaped.replaceAll("\\\\\\\\", "").replaceAll("\\\\\"", "")).doesNotContain("\"");
        assertThat(unescape(escaped)).isEqualTo(value);
    }

    private static String unescape(String escaped) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                char next = escaped.charAt(++i);
                b.append(next == 'n' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
