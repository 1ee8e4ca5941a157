package dev.ftpkit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MLST/MLSD facts a client selected with {@code OPTS MLST} (RFC 3659 §7.9): facts not selected MUST NOT be
 * returned; {@code OPTS MLST} with no facts selects none. The server supports these facts, in this order.
 *
 * @param facts the selected facts, lower case, in the order of {@link #SUPPORTED}
 */
public record MlsxFactSelection(List<String> facts) {

    /** Every fact the server can send (RFC 3659 §7.5). */
    public static final List<String> SUPPORTED = List.of("type", "size", "modify", "perm", "unique");
    /** The selection before any OPTS MLST, and after REIN: all. */
    public static final MlsxFactSelection ALL = new MlsxFactSelection(SUPPORTED);

    /** Copies the facts. */
    public MlsxFactSelection {
        facts = List.copyOf(facts);
    }

    /**
     * The selection an {@code OPTS MLST} argument asks for: facts separated by {@code ;}, any case; facts the server
     * does not support are ignored (RFC 3659 §7.9).
     *
     * @param argument e.g. {@code "type;size;"}, or empty for none
     * @return the selection
     */
    public static MlsxFactSelection parse(String argument) {
        List<String> asked = new ArrayList<>();
        for (String fact : argument.strip().split(";")) {
            asked.add(fact.strip().toLowerCase(Locale.ROOT));
        }
        List<String> selected = new ArrayList<>();
        for (String fact : SUPPORTED) {
            if (asked.contains(fact)) {
                selected.add(fact);
            }
        }
        return new MlsxFactSelection(selected);
    }

    /**
     * Whether a fact is selected.
     *
     * @param fact a fact name, lower case
     * @return true if selected
     */
    public boolean has(String fact) {
        return facts.contains(fact);
    }

    /**
     * The reply text to OPTS MLST.
     *
     * @return {@code MLST OPTS} and the selected facts, each followed by {@code ;}
     */
    public String optsReply() {
        StringBuilder text = new StringBuilder("MLST OPTS");
        if (!facts.isEmpty()) {
            text.append(' ');
            facts.forEach(fact -> text.append(fact).append(';'));
        }
        return text.toString();
    }

    /**
     * The FEAT line's facts (RFC 3659 §7.8).
     *
     * @return every supported fact, the selected ones marked with {@code *}
     */
    public String featFacts() {
        StringBuilder text = new StringBuilder();
        for (String fact : SUPPORTED) {
            text.append(fact).append(has(fact) ? "*;" : ";");
        }
        return text.toString();
    }
}
