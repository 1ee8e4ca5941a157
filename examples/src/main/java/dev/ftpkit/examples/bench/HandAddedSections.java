package dev.ftpkit.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sections of an earlier BENCHMARKS.md that were added to it by hand from runs of other tools (whole-process
 * scripts, the S3 benchmark, ...): the harness writes the file anew, and without this a new run would silently drop
 * figures that only those runs produce. A section is a {@code ## } heading and everything up to the next one; it is
 * carried over when its text says {@value #MARK} and the new report has no section of the same number (a run that
 * measured it again replaces it).
 */
final class HandAddedSections {

    /** The words by which a section says that it was not written by the harness. */
    static final String MARK = "added to this file by hand";

    private HandAddedSections() {
    }

    /**
     * The hand-added sections of an earlier document that a new report lacks, in their order, each ending with a
     * line end.
     *
     * @param previous an earlier BENCHMARKS.md
     * @param fresh    the new report
     * @return the sections to append to the new report, or an empty string
     */
    static String missingFrom(String fresh, String previous) {
        StringBuilder kept = new StringBuilder();
        for (String section : sections(previous)) {
            if (section.toLowerCase(Locale.ROOT).contains(MARK) && !fresh.contains("\n" + label(section))) {
                kept.append(section.endsWith("\n") ? section : section + "\n");
            }
        }
        return kept.toString();
    }

    /** A section's heading up to its number's dot ({@code "## 9."}), or the whole heading line without a number. */
    private static String label(String section) {
        int dot = section.indexOf('.');
        int lineEnd = section.indexOf('\n');
        int end = lineEnd < 0 ? section.length() : lineEnd;
        return dot > 3 && dot < end ? section.substring(0, dot + 1) : section.substring(0, end);
    }

    private static List<String> sections(String document) {
        List<String> sections = new ArrayList<>();
        int start = document.startsWith("## ") ? 0 : document.indexOf("\n## ");
        while (start >= 0) {
            int from = document.charAt(start) == '\n' ? start + 1 : start;
            int next = document.indexOf("\n## ", from);
            sections.add(next < 0 ? document.substring(from) : document.substring(from, next + 1));
            start = next;
        }
        return sections;
    }
}
