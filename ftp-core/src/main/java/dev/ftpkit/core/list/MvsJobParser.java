package dev.ftpkit.core.list;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM z/OS JES spool listings (LIST after {@code SITE FILETYPE=JES}):
 * <pre>
 * JOBNAME  JOBID    OWNER    STATUS CLASS
 * PAYRUN   JOB01234 ALICE    OUTPUT A        RC=0000 3 spool files
 * PAYRUN   JOB01235 ALICE    ACTIVE A
 * ALICE    TSU01236 ALICE    ACTIVE TSU
 * </pre>
 * and the older form without owner ({@code JESINTERFACELEVEL=1}: {@code PAYRUN JOB01234 OUTPUT 3 Spool Files}).
 * Each job is a {@link EntryType#FILE} named by its job id, which is what RETR takes; the owner is the job's
 * owner. Jobs have no size and no time in these listings. The spool-file detail lines of a single job
 * ({@code ID STEPNAME PROCSTEP C DDNAME BYTE-COUNT}) are not entries of their own and stay unparsed.
 */
final class MvsJobParser implements LineParser {
    private static final Pattern HEADER = Pattern.compile("JOBNAME +JOBID +OWNER +STATUS +CLASS *");
    private static final String NAME_AND_ID = "\\S{1,8} +((?:JOB|STC|TSU|J|S|T)\\d{4,7})";
    private static final String STATUS = "(?:OUTPUT|ACTIVE|INPUT|HELD|PRINT|ABEND)";
    private static final Pattern WITH_OWNER = Pattern.compile(
            NAME_AND_ID + " +(\\S{1,8}) +" + STATUS + "(?: .*)?");
    private static final Pattern WITHOUT_OWNER = Pattern.compile(NAME_AND_ID + " +" + STATUS + "(?: .*)?");

    @Override
    public boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Entries entry = Entries.of(ListFormat.MVS, line).type(EntryType.FILE);
        Matcher m = WITHOUT_OWNER.matcher(line);
        if (m.matches()) {
            return entry.name(m.group(1)).build();
        }
        m = WITH_OWNER.matcher(line);
        return m.matches() ? entry.name(m.group(1)).owner(m.group(2)).build() : Optional.empty();
    }
}
