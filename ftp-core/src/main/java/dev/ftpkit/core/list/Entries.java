package dev.ftpkit.core.list;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds a {@link ListEntry} field by field, so that a parser names only what its format shows. */
final class Entries {
    private final ListFormat format;
    private final String rawLine;
    private EntryType type = EntryType.UNKNOWN;
    private String name = "";
    private OptionalLong size = OptionalLong.empty();
    private Optional<Instant> modified = Optional.empty();
    private Optional<String> permissions = Optional.empty();
    private Optional<String> owner = Optional.empty();
    private Optional<String> group = Optional.empty();

    private Entries(ListFormat format, String rawLine) {
        this.format = format;
        this.rawLine = rawLine;
    }

    static Entries of(ListFormat format, String rawLine) {
        return new Entries(format, rawLine);
    }

    Entries type(EntryType value) {
        type = value;
        return this;
    }

    Entries name(String value) {
        name = value;
        return this;
    }

    Entries size(OptionalLong value) {
        size = value;
        return this;
    }

    Entries modified(Optional<Instant> value) {
        modified = value;
        return this;
    }

    Entries permissions(String value) {
        permissions = Optional.of(value).filter(p -> !p.isEmpty());
        return this;
    }

    Entries owner(String value) {
        owner = Optional.of(value).filter(o -> !o.isEmpty());
        return this;
    }

    Entries group(String value) {
        group = Optional.of(value).filter(g -> !g.isEmpty());
        return this;
    }

    /** The entry; empty if no name was found (a parsed entry needs one). */
    Optional<ListEntry> build() {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListEntry(type, name, size, modified, Optional.empty(), permissions, owner, group,
                rawLine, format));
    }

    /** Decimal digits as a size; empty if absent or larger than {@code Long.MAX_VALUE}. */
    static OptionalLong size(String digits) {
        if (digits == null || digits.length() > 19 || !Tokens.isDigits(digits)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
