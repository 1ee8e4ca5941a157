package dev.ftpkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The features a server announces in its FEAT reply (RFC 2389 §3).
 *
 * <pre>
 * 211-Features:
 *  MLST type*;size*;modify*;
 *  REST STREAM
 *  UTF8
 * 211 End
 * </pre>
 * A label may appear more than once (vsftpd lists {@code AUTH SSL} and {@code AUTH TLS} on separate lines), so the
 * features are a list, in the server's order.
 *
 * @param features the features, in order (unmodifiable)
 */
public record FeatureSet(List<Feature> features) {
    /** No features at all. */
    public static final FeatureSet EMPTY = new FeatureSet(List.of());

    private static final int FEAT_OK = 211;

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public FeatureSet {
        features = List.copyOf(features);
    }

    /**
     * A set of the given features.
     *
     * @param features the features, in order
     * @return the feature set
     */
    public static FeatureSet of(Feature... features) {
        return new FeatureSet(List.of(features));
    }

    /**
     * Reads a FEAT reply. RFC 2389 §3: a single-line 211 reply means no features; in a multi-line 211 reply each
     * line between the first and the last names one feature and starts with a space. Servers that repeat the code
     * on middle lines ({@code 211-SIZE}) are tolerated; blank middle lines are ignored.
     *
     * @param reply the reply to FEAT
     * @return the features
     * @throws FtpProtocolException if the reply code is not 211 or a feature line is invalid
     */
    public static FeatureSet parse(Reply reply) throws FtpProtocolException {
        if (reply.codeValue() != FEAT_OK) {
            throw new FtpProtocolException("Not a FEAT listing (RFC 2389 §3 expects 211): " + reply);
        }
        List<String> lines = reply.lines();
        List<Feature> features = new ArrayList<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = stripCode(lines.get(i));
            if (!line.isBlank()) {
                features.add(Feature.parse(line));
            }
        }
        return new FeatureSet(features);
    }

    private static String stripCode(String line) {
        boolean coded = line.length() >= 4 && line.startsWith(Integer.toString(FEAT_OK))
                && (line.charAt(3) == '-' || line.charAt(3) == ' ');
        return coded ? line.substring(4) : line;
    }

    /**
     * Whether the server announced a feature.
     *
     * @param name the feature label, case-insensitive
     * @return true if present
     */
    public boolean has(String name) {
        return first(name) != null;
    }

    /**
     * Whether any announcement of the feature includes the parameter, e.g. {@code has("AUTH", "TLS")} or
     * {@code has("REST", "STREAM")}; see {@link Feature#hasParameter(String)}.
     *
     * @param name the feature label, case-insensitive
     * @param parameter the parameter, case-insensitive
     * @return true if present
     */
    public boolean has(String name, String parameter) {
        String upper = upper(name);
        for (Feature f : features) {
            if (f.name().equals(upper) && f.hasParameter(parameter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parameters of the first announcement of a feature.
     *
     * @param name the feature label, case-insensitive
     * @return the parameters ({@code ""} when the feature has none), or empty if it is not announced
     */
    public Optional<String> parameters(String name) {
        Feature first = first(name);
        return first == null ? Optional.empty() : Optional.of(first.parameters());
    }

    /**
     * The FEAT reply announcing these features (RFC 2389 §3): {@code 211-Features:}, one line per feature
     * starting with a space, {@code 211 End}; with no features the single line {@code 211 No features}.
     *
     * @return the reply
     */
    public Reply toReply() {
        if (features.isEmpty()) {
            return Reply.of(FEAT_OK, "No features");
        }
        List<String> lines = new ArrayList<>(features.size() + 2);
        lines.add("Features:");
        for (Feature f : features) {
            lines.add(" " + f.line());
        }
        lines.add("End");
        return Reply.of(FEAT_OK, lines);
    }

    /*
     * Loops rather than streams: a client asks these right after login, and in a command-line client's fresh JVM the
     * first stream pipeline loads some thirty classes and links its lambdas before the first transfer.
     */
    private Feature first(String name) {
        String upper = upper(name);
        for (Feature f : features) {
            if (f.name().equals(upper)) {
                return f;
            }
        }
        return null;
    }

    private static String upper(String name) {
        return Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
    }
}
