package dev.ftpkit.core.list;

import dev.ftpkit.core.MlsxEntry;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a directory listing, whatever format it came in.
 *
 * <p>What a field holds depends on the format: {@code permissions} is the nine {@code rwx} characters of a Unix
 * line ({@code rwxr-xr-x}), EPLF's {@code up} octal mode rendered the same way, or MLSx's {@code perm} fact
 * ({@code adfrw}). Times without a zone in the listing (Unix, DOS) are read in the parser's zone; a Unix line that
 * shows a year but no time is read as midnight of that day.
 *
 * <p>A line no parser understood is kept as an {@linkplain #unparsed(String) unparsed} entry: its name is empty
 * and only {@code rawLine} tells what the server sent.
 *
 * @param type the kind of object
 * @param name the file name; empty only for unparsed entries
 * @param size the size in bytes, if the listing gives one
 * @param modified the last modification time, if the listing gives one
 * @param linkTarget the target of a symbolic link ({@code name -> target}), if given
 * @param permissions format-specific permissions (see above), if given
 * @param owner the owner, name or number as listed, if given
 * @param group the group, name or number as listed, if given
 * @param rawLine the line as received (without its line terminator); for an entry wrapped over several lines
 *     (OpenVMS), those lines joined by LF
 * @param format the format the line was recognised as
 */
public record ListEntry(EntryType type, String name, OptionalLong size, Optional<Instant> modified,
        Optional<String> linkTarget, Optional<String> permissions, Optional<String> owner, Optional<String> group,
        String rawLine, ListFormat format) {

    /**
     * Validates the entry.
     *
     * @throws IllegalArgumentException if a parsed entry has an empty name
     */
    public ListEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rawLine, "rawLine");
        Objects.requireNonNull(format, "format");
        if (format != ListFormat.UNPARSED && name.isEmpty()) {
            throw new IllegalArgumentException("A parsed listing entry needs a name");
        }
    }

    /**
     * An entry for a line no parser understood (never silently dropped).
     *
     * @param rawLine the line as received
     * @return an entry of type {@link EntryType#UNKNOWN}, format {@link ListFormat#UNPARSED} and an empty name
     */
    public static ListEntry unparsed(String rawLine) {
        return new ListEntry(EntryType.UNKNOWN, "", OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), rawLine, ListFormat.UNPARSED);
    }

    /**
     * Converts an MLSD entry (RFC 3659 §7). The type fact maps as {@code file} → FILE, {@code dir}/{@code cdir}/
     * {@code pdir} → DIRECTORY, {@code OS.unix=slink[:target]} → SYMBOLIC_LINK (with the target when given),
     * anything else → OTHER, absent → UNKNOWN. Owner and group come from the {@code unix.owner}/{@code unix.uid}
     * and {@code unix.group}/{@code unix.gid} facts where present.
     *
     * @param entry the MLSx entry
     * @return the listing entry, with {@code rawLine} set to the entry's encoding
     */
    public static ListEntry fromMlsx(MlsxEntry entry) {
        String type = entry.type().orElse("");
        String lower = type.toLowerCase(Locale.ROOT);
        EntryType entryType;
        Optional<String> target = Optional.empty();
        if (type.isEmpty()) {
            entryType = EntryType.UNKNOWN;
        } else if (entry.isFile()) {
            entryType = EntryType.FILE;
        } else if (entry.isDirectory()) {
            entryType = EntryType.DIRECTORY;
        } else if (lower.startsWith("os.unix=slink") || lower.startsWith("os.unix=symlink")) {
            entryType = EntryType.SYMBOLIC_LINK;
            int colon = type.indexOf(':');
            target = colon < 0 || colon == type.length() - 1 ? Optional.empty()
                    : Optional.of(type.substring(colon + 1));
        } else {
            entryType = EntryType.OTHER;
        }
        return new ListEntry(entryType, entry.name(), entry.size(), entry.modified(), target, entry.fact("perm"),
                entry.fact("unix.owner").or(() -> entry.fact("unix.uid")),
                entry.fact("unix.group").or(() -> entry.fact("unix.gid")),
                entry.encode(), ListFormat.MLSD);
    }

    /**
     * Whether a parser understood the line.
     *
     * @return false for {@linkplain #unparsed(String) unparsed} entries
     */
    public boolean isParsed() {
        return format != ListFormat.UNPARSED;
    }

    /**
     * Whether the entry is a directory.
     *
     * @return true if {@link #type()} is {@link EntryType#DIRECTORY}
     */
    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    /**
     * Whether the entry is a regular file.
     *
     * @return true if {@link #type()} is {@link EntryType#FILE}
     */
    public boolean isFile() {
        return type == EntryType.FILE;
    }

    /**
     * Whether the entry is a symbolic link.
     *
     * @return true if {@link #type()} is {@link EntryType#SYMBOLIC_LINK}
     */
    public boolean isSymbolicLink() {
        return type == EntryType.SYMBOLIC_LINK;
    }
}
