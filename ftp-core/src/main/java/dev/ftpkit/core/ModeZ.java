package dev.ftpkit.core;

import java.util.Locale;

/**
 * MODE Z, the deflate transmission mode (draft-preston-ftpext-deflate-04): the protocol text around it, as pure
 * functions. Under MODE Z each transfer's data (after the TYPE conversion: ASCII is deflated in its network form)
 * is one zlib stream (RFC 1950 around RFC 1951 deflate) that the sender finishes before it closes the data
 * connection; the stream's end is the end of the data, and a connection closed before it is a truncated transfer.
 * A server offers the mode with the FEAT line {@code MODE Z}; {@code OPTS MODE Z LEVEL n} picks the sender's
 * compression level (0 stores, 9 compresses best). REST offsets count bytes of the uncompressed data, which a
 * compressor cannot seek into, so ftpkit refuses a non-zero REST under MODE Z.
 */
public final class ModeZ {

    /** The FEAT line's feature ({@code MODE Z}). */
    public static final Feature FEATURE = Feature.of("MODE", "Z");

    /** The lowest compression level (stored blocks, no compression). */
    public static final int MIN_LEVEL = 0;

    /** The highest compression level. */
    public static final int MAX_LEVEL = 9;

    /** zlib's own default level, a fair trade of CPU for size. */
    public static final int DEFAULT_LEVEL = 6;

    private static final String LEVEL_OPTION = "LEVEL";

    private ModeZ() {
    }

    /**
     * Checks a compression level.
     *
     * @param level the level
     * @return the level
     * @throws IllegalArgumentException if it is not 0..9
     */
    public static int checkLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("MODE Z level must be " + MIN_LEVEL + ".." + MAX_LEVEL + ": " + level);
        }
        return level;
    }

    /**
     * The argument of the OPTS command that sets the level, e.g. {@code "MODE Z LEVEL 9"}.
     *
     * @param level 0..9
     * @return the OPTS argument
     * @throws IllegalArgumentException if the level is not 0..9
     */
    public static String levelOption(int level) {
        return "MODE Z " + LEVEL_OPTION + " " + checkLevel(level);
    }

    /**
     * Parses what follows {@code OPTS MODE} (e.g. {@code "Z LEVEL 9"}): the level it asks for.
     *
     * @param value the OPTS value after the option name {@code MODE}
     * @return the level, 0..9
     * @throws FtpProtocolException if it is not {@code Z LEVEL n} with n in 0..9 (the draft names other engine
     *                              options, such as {@code ENGINE}, that ftpkit does not support)
     */
    public static int parseLevelOption(String value) throws FtpProtocolException {
        String[] words = value.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (words.length != 3 || !words[0].equals("Z") || !words[1].equals(LEVEL_OPTION)
                || words[2].length() != 1 || words[2].charAt(0) < '0' || words[2].charAt(0) > '9') {
            throw new FtpProtocolException("expected Z LEVEL 0..9: " + Text.excerpt(value));
        }
        return words[2].charAt(0) - '0';
    }
}
