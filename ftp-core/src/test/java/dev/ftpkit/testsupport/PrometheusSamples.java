package dev.ftpkit.testsupport;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Prometheus text (format 0.0.4) as a scraper would, strictly enough for tests: every sample must belong to
 * a family announced by {@code # HELP} and {@code # TYPE} lines before it, and every value must be an integer.
 */
public final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (-?\\d+)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");

    private final Map<String, Long> samples;
    private final Map<String, String> types;

    private PrometheusSamples(Map<String, Long> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /**
     * Parses the text.
     *
     * @param text the exposition text
     * @return the samples
     * @throws IllegalArgumentException if a line is malformed or a sample has no HELP and TYPE
     */
    public static PrometheusSamples parse(String text) {
        Map<String, Long> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher comment = COMMENT.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (comment.matches()) {
                if (comment.group(1).equals("HELP")) {
                    helped.add(comment.group(2));
                } else {
                    types.put(comment.group(2), comment.group(3));
                }
            } else if (sample.matches()) {
                String family = sample.group(1);
                if (!helped.contains(family) || !types.containsKey(family)) {
                    throw new IllegalArgumentException("sample before its HELP and TYPE: " + line);
                }
                String key = family + (sample.group(2) == null ? "" : sample.group(2));
                if (samples.put(key, Long.parseLong(sample.group(3))) != null) {
                    throw new IllegalArgumentException("duplicate sample: " + line);
                }
            } else {
                throw new IllegalArgumentException("not a Prometheus text line: " + line);
            }
        }
        return new PrometheusSamples(samples, types);
    }

    /**
     * A sample's value.
     *
     * @param series e.g. {@code ftpkit_logins_total{result="success"}}
     * @return the value
     * @throws AssertionError if there is no such sample
     */
    public long value(String series) {
        Long value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no sample " + series + " in " + samples.keySet());
        }
        return value;
    }

    /**
     * A family's type.
     *
     * @param family the metric name
     * @return e.g. {@code counter}
     */
    public String type(String family) {
        return types.get(family);
    }
}
