package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ListParserPropertiesTest {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"));

    /** The values an {@code ls -l} line is made of. */
    record UnixValues(char typeChar, String perms, int links, String owner, String group, long size, Instant now,
            ZoneId zone, long ageSeconds, boolean recent, String name, String target) {

        EntryType type() {
            return switch (typeChar) {
                case '-' -> EntryType.FILE;
                case 'd' -> EntryType.DIRECTORY;
                case 'l' -> EntryType.SYMBOLIC_LINK;
                default -> EntryType.OTHER;
            };
        }

        LocalDateTime local() {
            return LocalDateTime.ofInstant(now.minusSeconds(ageSeconds), zone);
        }

        /** What the line can tell: minutes for recent files, the day for old ones. */
        Instant expectedModified() {
            LocalDateTime t = local().truncatedTo(recent ? ChronoUnit.MINUTES : ChronoUnit.DAYS);
            return t.atZone(zone).toInstant();
        }

        /** Formats like vsftpd / GNU ls: {@code perms links owner group size Mon dd HH:MM|yyyy name}. */
        String line() {
            LocalDateTime t = local();
            String when = recent ? String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute())
                    : String.format(Locale.ROOT, " %d", t.getYear());
            String shownName = typeChar == 'l' ? name + " -> " + target : name;
            return String.format(Locale.ROOT, "%c%s %4d %-8s %-8s %12d %s %2d %s %s", typeChar, perms, links,
                    owner, group, size, MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), when, shownName);
        }
    }

    @Provide
    Arbitrary<UnixValues> unixValues() {
        Arbitrary<String> perms = Arbitraries.strings().withChars('r', 'w', 'x', '-', 's', 't').ofLength(9);
        // owners and groups are user/group names or numbers; none looks like a month name (prefix "u"/"g")
        Arbitrary<String> owner = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().alpha().numeric().ofMaxLength(10).map(s -> "u" + s));
        Arbitrary<String> group = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().alpha().numeric().ofMaxLength(10).map(s -> "g" + s));
        Arbitrary<String> name = Arbitraries.strings().excludeChars('\r', '\n').ofMinLength(1).ofMaxLength(40);
        Arbitrary<Instant> now = Arbitraries.longs()
                .between(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2090-01-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        return Builders.withBuilder(() -> new Object[12])
                .use(Arbitraries.of('-', 'd', 'l', 'c', 'p', 's')).in((a, v) -> set(a, 0, v))
                .use(perms).in((a, v) -> set(a, 1, v))
                .use(Arbitraries.integers().between(1, 9999)).in((a, v) -> set(a, 2, v))
                .use(owner).in((a, v) -> set(a, 3, v))
                .use(group).in((a, v) -> set(a, 4, v))
                .use(Arbitraries.longs().between(0, Long.MAX_VALUE)).in((a, v) -> set(a, 5, v))
                .use(now).in((a, v) -> set(a, 6, v))
                .use(Arbitraries.of(ZONES)).in((a, v) -> set(a, 7, v))
                // recent: up to ~5 months old (ls shows HH:MM); old: up to 40 years (ls shows the year)
                .use(Arbitraries.longs().between(0, Duration.ofDays(40 * 365).getSeconds())).in((a, v) -> set(a, 8, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 9, v))
                .use(name).in((a, v) -> set(a, 10, v))
                .use(name).in((a, v) -> set(a, 11, v))
                .build(a -> {
                    boolean recent = (Boolean) a[9];
                    long age = recent ? (Long) a[8] % Duration.ofDays(150).getSeconds() : (Long) a[8];
                    return new UnixValues((Character) a[0], (String) a[1], (Integer) a[2], (String) a[3],
                            (String) a[4], (Long) a[5], (Instant) a[6], (ZoneId) a[7], age, recent, (String) a[10],
                            (String) a[11]);
                });
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @Property(tries = 1000)
    void unixLineFormattedLikeLsGivesTheValuesBack(@ForAll("unixValues") UnixValues v) {
        Assume.that(v.typeChar() != 'l' || !v.name().contains(" -> "));
        Assume.that(!v.name().endsWith("\r") && !v.target().endsWith("\r"));
        ListParser parser = new ListParser(v.zone(), v.now());

        Optional<ListEntry> parsed = parser.parseLine(v.line());

        assertThat(parsed).hasValueSatisfying(e -> {
            assertThat(e.format()).isEqualTo(ListFormat.UNIX);
            assertThat(e.type()).isEqualTo(v.type());
            assertThat(e.name()).isEqualTo(v.name());
            assertThat(e.linkTarget()).isEqualTo(v.typeChar() == 'l' ? Optional.of(v.target()) : Optional.empty());
            assertThat(e.size()).hasValue(v.size());
            assertThat(e.permissions()).contains(v.perms());
            assertThat(e.owner()).contains(v.owner());
            assertThat(e.group()).contains(v.group());
            assertThat(e.modified()).contains(v.expectedModified());
            assertThat(e.rawLine()).isEqualTo(v.line());
        });
    }

    @Provide
    Arbitrary<String> listingJunk() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("-rw-r--r--", "drwxr-xr-x+", "lrwxrwxrwx", "crw-------", "total", "1,", "3", "0",
                        "Nov", "feb", "29", "31", "32", "10:00", "24:00", "2024", "2020-02-30", "->", "<DIR>",
                        "01-05-99", "03:12PM", "12:00am", "+i1,m824255902,/,\tdev", "+", "\t", "s99", "up999",
                        "99999999999999999999", "", " ", "\r", "\n", "\u2028", "\0", "é"),
                Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.oneOf(
                token.list().ofMaxSize(14).map(parts -> String.join(" ", parts)),
                token.list().ofMaxSize(14).map(parts -> String.join("", parts)),
                Arbitraries.strings().ofMaxLength(120));
    }

    @Property(tries = 3000)
    void anyLineGivesAnEntryAndNeverAnException(@ForAll("listingJunk") String line) {
        ListParser parser = new ListParser(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-25T14:13:00Z"));

        Optional<ListEntry> entry = parser.parseLine(line);

        String withoutCr = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (entry.isEmpty()) {
            assertThat(withoutCr.isBlank() || withoutCr.matches("total \\d+")).isTrue();
        } else {
            assertThat(entry.get().rawLine()).isEqualTo(withoutCr);
            assertThat(entry.get().isParsed() || entry.get().name().isEmpty()).isTrue();
            assertThat(!entry.get().isParsed() || !entry.get().name().isEmpty()).isTrue();
        }
    }

    @Property(tries = 1000)
    void anyMlsdLineGivesAnEntryAndNeverAnException(@ForAll("listingJunk") String line) {
        Optional<ListEntry> entry = ListParser.parseMlsdLine(line);

        assertThat(entry.isEmpty()).isEqualTo(line.isBlank() || line.equals("\r"));
        entry.ifPresent(e -> assertThat(e.format()).isIn(ListFormat.MLSD, ListFormat.UNPARSED));
    }

    @Property(tries = 1000)
    void wholeListingsNeverThrowAndKeepEveryNonBlankLine(@ForAll("listingJunk") String a,
            @ForAll("listingJunk") String b) {
        String listing = a + "\r\n" + b + "\n";
        ListParser parser = new ListParser(Instant.parse("2026-11-25T14:13:00Z"));

        List<ListEntry> entries = parser.parse(listing);

        long expected = List.of(listing.split("\r?\n", -1)).stream()
                .filter(l -> parser.parseLine(l).isPresent()).count();
        assertThat(entries).hasSize((int) expected);
    }
}
