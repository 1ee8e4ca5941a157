package dev.ftpkit.server.observe;

import dev.ftpkit.server.TransferEvent.Direction;

import java.util.Locale;

/**
 * Renders a {@link MetricsSnapshot} in the Prometheus text exposition format, version 0.0.4 (serve it with
 * {@link #CONTENT_TYPE}): a {@code # HELP} and a {@code # TYPE} line per metric family, then one sample per label
 * set. A pure function: the same snapshot always gives the same text.
 *
 * <pre>
 * ftpkit_sessions_active 1
 * ftpkit_logins_total{result="success"} 3
 * ftpkit_transfers_total{direction="upload",result="ok"} 3
 * ftpkit_transfer_bytes_total{direction="upload"} 3072
 * </pre>
 */
public final class PrometheusText {

    /** The HTTP {@code Content-Type} of the text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /**
     * Renders the snapshot.
     *
     * @param snapshot the counts
     * @return the exposition text, each line ending with {@code \n}
     */
    public static String render(MetricsSnapshot snapshot) {
        StringBuilder out = new StringBuilder(2048);
        family(out, "ftpkit_sessions_active", "gauge", "FTP control connections open now.");
        sample(out, "ftpkit_sessions_active", "", snapshot.sessionsActive());
        family(out, "ftpkit_sessions_total", "counter", "FTP control connections accepted.");
        sample(out, "ftpkit_sessions_total", "", snapshot.sessionsTotal());
        family(out, "ftpkit_logins_total", "counter", "Logins by result.");
        sample(out, "ftpkit_logins_total", labels("result", "success"), snapshot.loginsSucceeded());
        sample(out, "ftpkit_logins_total", labels("result", "failure"), snapshot.loginsFailed());
        family(out, "ftpkit_transfers_total", "counter",
                "Transfers whose data connection opened, by direction and result (aborted or broken = failed).");
        for (Direction direction : Direction.values()) {
            MetricsSnapshot.Transfers t = snapshot.transfers(direction);
            sample(out, "ftpkit_transfers_total", labels("direction", name(direction), "result", "ok"), t.succeeded());
            sample(out, "ftpkit_transfers_total", labels("direction", name(direction), "result", "failed"), t.failed());
        }
        family(out, "ftpkit_transfer_bytes_total", "counter", "Payload bytes on data connections, by direction.");
        for (Direction direction : Direction.values()) {
            sample(out, "ftpkit_transfer_bytes_total", labels("direction", name(direction)),
                    snapshot.transfers(direction).bytes());
        }
        family(out, "ftpkit_commands_total", "counter", "Commands answered, by verb.");
        snapshot.commands().forEach((verb, count) -> sample(out, "ftpkit_commands_total", labels("verb", verb), count));
        family(out, "ftpkit_replies_total", "counter", "Final replies sent, by code.");
        snapshot.replies().forEach((code, count) ->
                sample(out, "ftpkit_replies_total", labels("code", Integer.toString(code)), count));
        return out.toString();
    }

    private static String name(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    /** {@code {k1="v1",k2="v2"}} from alternating names and values. */
    private static String labels(String... namesAndValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(namesAndValues[i]).append("=\"").append(escapeLabelValue(namesAndValues[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    /**
     * Escapes a label value as the format requires: backslash, double quote and line feed.
     *
     * @param value the raw value
     * @return the value to put between the quotes
     */
    public static String escapeLabelValue(String value) {
        return escape(value, true);
    }

    /** HELP text escapes backslash and line feed only. */
    private static String escapeHelp(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean quotes) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '"' -> b.append(quotes ? "\\\"" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
