package dev.ftpkit.core.list;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM z/OS data set listings (the FTP server's answer to LIST in an MVS high-level qualifier):
 * <pre>
 * Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname
 * SYS001 3390   2026/11/30  1   15  FB      80 27920  PS  PAYROLL.DATA
 * SYS002 3390   2026/12/01  3   90  FB      80 27920  PO  PAYROLL.COBOL
 * Migrated                                                PAYROLL.OLD
 * Pseudo Directory                                        PAYROLL.ARCHIVE
 * </pre>
 * A partitioned data set ({@code PO}, {@code PO-E}) and a pseudo directory (a qualifier with data sets below it)
 * are directories; sequential ({@code PS}) and direct ({@code DA}) data sets, migrated ones and ones on tape are
 * files; VSAM clusters are {@link EntryType#OTHER}. z/OS counts space in tracks, not bytes, and {@code Referred}
 * is the date the data set was last opened (not changed), so entries have neither a size nor a modification time.
 * The name is the {@code Dsname} as listed (quoted when outside the current prefix).
 */
final class MvsDatasetParser implements LineParser {
    private static final Pattern HEADER = Pattern.compile("Volume +Unit +Referred +Ext +Used +.*Dsname *");
    /** Volume, unit, referred date (or {@code **NONE**}), then anything up to dsorg and name. */
    private static final Pattern DATASET = Pattern.compile(
            "\\S{1,6} +\\S+ +(?:\\d{4}/\\d{2}/\\d{2}|\\*\\*NONE\\*\\*) +.*? ([A-Z]{2}(?:-E)?|VSAM) +(\\S+) *");
    /** Lines with no volume information: the state replaces the columns. */
    private static final Pattern SPECIAL = Pattern.compile(
            "(Migrated|Pseudo Directory|\\S{1,6} +Not Direct Access Device|\\S{1,6} +Error determining attributes)"
                    + " +(\\S+) *");
    private static final Map<String, EntryType> ORGANIZATIONS = Map.of(
            "PS", EntryType.FILE, "DA", EntryType.FILE, "PO", EntryType.DIRECTORY, "PO-E", EntryType.DIRECTORY,
            "VS", EntryType.OTHER, "VSAM", EntryType.OTHER, "IS", EntryType.FILE);

    @Override
    public boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = DATASET.matcher(line);
        if (m.matches()) {
            return Entries.of(ListFormat.MVS, line)
                    .type(ORGANIZATIONS.getOrDefault(m.group(1), EntryType.OTHER))
                    .name(m.group(2)).build();
        }
        m = SPECIAL.matcher(line);
        if (m.matches()) {
            EntryType type = m.group(1).equals("Pseudo Directory") ? EntryType.DIRECTORY : EntryType.FILE;
            return Entries.of(ListFormat.MVS, line).type(type).name(m.group(2)).build();
        }
        return Optional.empty();
    }
}
