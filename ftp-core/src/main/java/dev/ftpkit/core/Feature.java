package dev.ftpkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * One feature line of a FEAT reply (RFC 2389 §3): {@code feature = feature-label [ SP feature-parms ]},
 * e.g. {@code MLST type*;size*;modify*;}, {@code REST STREAM}, {@code AUTH TLS} or {@code UTF8}.
 *
 * <p>Feature labels are compared case-insensitively (they name commands, and RFC 959 §5.3 treats upper and
 * lower case in commands alike), so the name is stored upper-cased.
 * Parameters are kept as sent apart from surrounding white space, {@code ""} when there are none.
 *
 * @param name the feature label, upper-cased: one or more visible ASCII characters (RFC 2389 {@code 1*VCHAR})
 * @param parameters the feature parameters, {@code ""} when none
 */
public record Feature(String name, String parameters) {

    /**
     * Validates and normalizes the feature.
     *
     * @throws IllegalArgumentException if the name is empty or holds anything but visible ASCII, or the
     *     parameters hold CR, LF or NUL
     */
    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        if (name.isEmpty() || !Text.isVisibleAscii(name)) {
            throw new IllegalArgumentException("Feature label must be visible ASCII (RFC 2389 §3): "
                    + Text.excerpt(name));
        }
        name = name.toUpperCase(Locale.ROOT);
        parameters = Text.requireSingleLine(parameters, "feature parameters").strip();
    }

    /**
     * A feature without parameters, e.g. {@code UTF8}.
     *
     * @param name the feature label
     * @return the feature
     * @throws IllegalArgumentException if the name is not a valid label
     */
    public static Feature of(String name) {
        return new Feature(name, "");
    }

    /**
     * A feature with parameters, e.g. {@code ("REST", "STREAM")}.
     *
     * @param name the feature label
     * @param parameters the parameters, {@code ""} for none
     * @return the feature
     * @throws IllegalArgumentException if the name is not a valid label or the parameters hold CR, LF or NUL
     */
    public static Feature of(String name, String parameters) {
        return new Feature(name, parameters);
    }

    /**
     * Parses a feature line without its leading space, e.g. {@code "MLST type*;size*;"}.
     *
     * @param line the feature line
     * @return the feature
     * @throws FtpProtocolException if the label is empty or not visible ASCII, or the line holds CR, LF or NUL
     */
    public static Feature parse(String line) throws FtpProtocolException {
        String s = line.strip();
        int space = 0;
        while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
            space++;
        }
        try {
            return new Feature(s.substring(0, space), s.substring(space));
        } catch (IllegalArgumentException e) {
            throw new FtpProtocolException("Invalid FEAT line " + Text.excerpt(line) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The feature as listed in a FEAT reply, without the leading space: {@code "REST STREAM"} or {@code "UTF8"}.
     *
     * @return the feature line
     */
    public String line() {
        return parameters.isEmpty() ? name : name + " " + parameters;
    }

    /**
     * Whether the parameters include {@code parameter}: the parameters are split on {@code ;}, {@code ,} and white
     * space, a trailing {@code *} (MLST's "enabled" mark, RFC 3659 §7.8) is ignored, and case is ignored.
     *
     * @param parameter e.g. {@code "STREAM"}, {@code "TLS"} or {@code "size"}
     * @return true if one of the parameter tokens equals it
     */
    public boolean hasParameter(String parameter) {
        for (String token : parameters.split("[;,\\s]+")) {
            String t = token.endsWith("*") ? token.substring(0, token.length() - 1) : token;
            if (!t.isEmpty() && t.equalsIgnoreCase(parameter)) {
                return true;
            }
        }
        return false;
    }
}
