package dev.ftpkit.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of an MLSD listing or MLST reply: a set of facts and a path name (RFC 3659 §7).
 *
 * <p>Wire form (RFC 3659 §7.2): {@code entry = [ facts ] SP pathname}, {@code facts = 1*( fact ";" )},
 * {@code fact = factname "=" value}, e.g. {@code type=file;size=1024;modify=20261124120000;perm=adfrw; notes.txt}.
 * Fact names are case-independent (RFC 3659 §7.1), so they are stored lower-cased; the facts keep the order in
 * which they were given, and facts this class has no helper for (e.g. {@code unix.mode}) are kept as well.
 * The name is everything after the first space: it may contain {@code ;}, {@code =} and spaces.
 *
 * <p>The constructor refuses anything that could not be encoded back onto one line: a CR, LF or NUL in the name or in
 * a fact, a fact name containing {@code =}, {@code ;} or a space, a fact value containing {@code ;} or a space.
 *
 * @param facts the facts, lower-cased names in their original order (unmodifiable)
 * @param name the path name, never empty
 */
public record MlsxEntry(Map<String, String> facts, String name) {

    /**
     * Validates and normalizes the entry.
     *
     * @param facts the facts; names are lower-cased, order kept
     * @param name the path name
     * @throws IllegalArgumentException if a fact or the name cannot be encoded safely, if the name is empty or if
     *     two fact names differ only in case
     */
    public MlsxEntry {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || Text.hasLineBreakOrNul(name)) {
            throw new IllegalArgumentException("MLSx name must be non-empty and free of CR, LF and NUL");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        facts.forEach((factName, value) -> {
            String key = checkFactName(factName);
            if (normalized.putIfAbsent(key, checkValue(key, value)) != null) {
                throw new IllegalArgumentException("Duplicate MLSx fact: " + key);
            }
        });
        facts = Collections.unmodifiableMap(normalized);
    }

    /**
     * Parses one MLSD line, or one entry line of an MLST reply.
     *
     * <p>A trailing CR is ignored. The MLST form, where the entry is preceded by a single space (RFC 3659 §7.2,
     * {@code 1*( SP entry CRLF )}), is accepted too; a line starting with a space that is not followed by facts and
     * a space is read as an entry without facts.
     *
     * @param line the line without its line terminator
     * @return the entry
     * @throws FtpProtocolException if the line has no space before the name, a fact without {@code =}, an empty
     *     fact name, a duplicate fact or an empty name
     */
    public static MlsxEntry parse(String line) throws FtpProtocolException {
        Objects.requireNonNull(line, "line");
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (hasLineBreak(s)) {
            throw new FtpProtocolException("MLSx line contains a line break");
        }
        if (s.startsWith(" ")) {
            String rest = s.substring(1);
            int space = rest.indexOf(' ');
            if (space <= 0 || !looksLikeFacts(rest.substring(0, space))) {
                return build(Map.of(), rest); // RFC 3659 §7.2: an entry without facts is SP pathname
            }
            s = rest; // MLST: SP entry
        }
        int space = s.indexOf(' ');
        if (space < 0) {
            throw new FtpProtocolException("MLSx line has no space before the name: " + Text.excerpt(s));
        }
        return build(MlsxFacts.parse(s.substring(0, space)), s.substring(space + 1));
    }

    /**
     * Encodes the entry for an MLSD line (without line terminator): each fact as {@code name=value;}, then a space,
     * then the name. For an MLST reply line, prefix it with one space (RFC 3659 §7.2).
     *
     * @return the encoded entry; never contains CR or LF (the constructor refuses them)
     */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
        return sb.append(' ').append(name).toString();
    }

    /**
     * Looks up a fact by name, case-insensitively.
     *
     * @param factName the fact name, e.g. {@code "Size"} or {@code "unix.mode"}
     * @return its value, if present
     */
    public Optional<String> fact(String factName) {
        return Optional.ofNullable(facts.get(factName.toLowerCase(Locale.ROOT)));
    }

    /**
     * The {@code type} fact (RFC 3659 §7.5.1): {@code file}, {@code dir}, {@code cdir}, {@code pdir} or an
     * OS-specific type such as {@code OS.unix=slink:/target}.
     *
     * @return the type as sent, if present
     */
    public Optional<String> type() {
        return fact("type");
    }

    /**
     * The {@code size} fact (RFC 3659 §7.5.7), in octets.
     *
     * @return the size, or empty if absent or not a non-negative decimal number
     */
    public OptionalLong size() {
        return fact("size").map(MlsxFacts::parseSize).orElse(OptionalLong.empty());
    }

    /**
     * The {@code modify} fact (RFC 3659 §7.5.3) as an instant.
     *
     * @return the last modification time, or empty if absent or not a valid time value
     */
    public Optional<Instant> modified() {
        return fact("modify").flatMap(MlsxFacts::parseTime);
    }

    /**
     * Whether the type is {@code dir}, {@code cdir} or {@code pdir} (RFC 3659 §7.5.1; case-insensitive).
     *
     * @return true for directory entries, including the current and parent directory
     */
    public boolean isDirectory() {
        return type().map(t -> MlsxFacts.DIRECTORY_TYPES.contains(t.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /**
     * Whether the type is {@code file} (RFC 3659 §7.5.1; case-insensitive).
     *
     * @return true for plain files
     */
    public boolean isFile() {
        return type().map(t -> t.equalsIgnoreCase("file")).orElse(false);
    }

    /**
     * Starts building an entry, e.g. for a server's MLSD reply.
     *
     * @param name the path name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static MlsxEntry build(Map<String, String> facts, String name) throws FtpProtocolException {
        try {
            return new MlsxEntry(facts, name);
        } catch (IllegalArgumentException e) {
            throw new FtpProtocolException("Invalid MLSx entry: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeFacts(String s) {
        return s.endsWith(";") && MlsxFacts.isWellFormed(s);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    private static String checkFactName(String factName) {
        Objects.requireNonNull(factName, "fact name");
        if (factName.isEmpty() || MlsxFacts.indexOfAny(factName, "=; \r\n\0") >= 0) {
            throw new IllegalArgumentException("Invalid MLSx fact name: '" + factName + "'");
        }
        return factName.toLowerCase(Locale.ROOT);
    }

    private static String checkValue(String factName, String value) {
        Objects.requireNonNull(value, "fact value");
        if (MlsxFacts.indexOfAny(value, "; \r\n\0") >= 0) {
            throw new IllegalArgumentException("Invalid value for MLSx fact " + factName);
        }
        return value;
    }

    /** Builds an {@link MlsxEntry}, with helpers for the RFC 3659 §7.5 facts. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> facts = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds (or replaces) a fact.
         *
         * @param factName the fact name (case-insensitive)
         * @param value the value
         * @return this builder
         */
        public Builder fact(String factName, String value) {
            facts.put(factName.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /**
         * Sets the {@code type} fact (RFC 3659 §7.5.1).
         *
         * @param type e.g. {@code file}, {@code dir}, {@code cdir}, {@code pdir}
         * @return this builder
         */
        public Builder type(String type) {
            return fact("type", type);
        }

        /**
         * Sets the {@code size} fact (RFC 3659 §7.5.7).
         *
         * @param size the size in octets, not negative
         * @return this builder
         * @throws IllegalArgumentException if size is negative
         */
        public Builder size(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
            return fact("size", Long.toString(size));
        }

        /**
         * Sets the {@code modify} fact (RFC 3659 §7.5.3), formatted without a fraction.
         *
         * @param modified the last modification time
         * @return this builder
         * @throws IllegalArgumentException if the year is outside 1000..9999
         */
        public Builder modified(Instant modified) {
            return fact("modify", FtpTime.format(modified));
        }

        /**
         * Sets the {@code perm} fact (RFC 3659 §7.5.5).
         *
         * @param perm permission letters, e.g. {@code adfrw} or {@code el}
         * @return this builder
         */
        public Builder perm(String perm) {
            return fact("perm", perm);
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws IllegalArgumentException if a fact or the name cannot be encoded (see {@link MlsxEntry})
         */
        public MlsxEntry build() {
            return new MlsxEntry(facts, name);
        }
    }
}
