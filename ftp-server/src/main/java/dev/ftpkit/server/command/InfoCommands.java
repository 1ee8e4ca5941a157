package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Feature;
import dev.ftpkit.core.ModeZ;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.RunningTransfer;
import dev.ftpkit.server.internal.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SYST, NOOP, FEAT, HELP, STAT, ABOR. */
final class InfoCommands {

    private InfoCommands() {
    }

    /** Commons Net and others recognise only this form as Unix (which selects their LIST parser). */
    static Reply syst(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.SYSTEM_TYPE, "UNIX Type: L8");
    }

    static Reply noop(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.COMMAND_OK, "NOOP ok.");
    }

    /** RFC 2389 §3: 211-, one feature per line each starting with a space, 211 End. */
    static Reply feat(Command command, CommandContext session) {
        Set<String> verbs = session.settings().verbs();
        List<Feature> features = new ArrayList<>();
        // RFC 4217 §6
        session.settings().tls().ifPresent(tls -> {
            addIf(features, verbs, "AUTH", Feature.of("AUTH", "TLS"));
            if (tls.clearCommandChannel()) {
                addIf(features, verbs, "CCC", Feature.of("CCC"));
            }
            addIf(features, verbs, "PBSZ", Feature.of("PBSZ"));
            addIf(features, verbs, "PROT", Feature.of("PROT"));
        });
        addIf(features, verbs, "EPRT", Feature.of("EPRT"));
        addIf(features, verbs, "EPSV", Feature.of("EPSV"));
        String hashes = HashCommands.featureList(session.parameters().hashAlgorithm());
        addIf(features, verbs, "HASH", Feature.of("HASH", hashes));
        addIf(features, verbs, "HOST", Feature.of("HOST"));
        addIf(features, verbs, "MDTM", Feature.of("MDTM"));
        addIf(features, verbs, "MFMT", Feature.of("MFMT"));
        addIf(features, verbs, "MLST", Feature.of("MLST", session.parameters().mlsxFacts().featFacts()));
        if (session.settings().modeZLevel().isPresent()) {
            addIf(features, verbs, "MODE", ModeZ.FEATURE);
        }
        addIf(features, verbs, "PASV", Feature.of("PASV"));
        addIf(features, verbs, "REST", Feature.of("REST", "STREAM"));
        addIf(features, verbs, "SIZE", Feature.of("SIZE"));
        features.add(Feature.of("TVFS"));
        if (session.settings().controlEncoding().isEmpty()) {
            // with names in another charset for older clients, UTF8 is only what OPTS UTF8 ON switches to
            features.add(Feature.of("UTF8"));
        }
        return new FeatureSet(features).toReply();
    }

    private static void addIf(List<Feature> features, Set<String> verbs, String verb, Feature feature) {
        if (verbs.contains(verb)) {
            features.add(feature);
        }
    }

    static Reply help(Command command, CommandContext session) {
        Set<String> verbs = session.settings().verbs();
        if (command.hasArgument()) {
            String verb = command.argument().strip().toUpperCase(Locale.ROOT);
            return verbs.contains(verb)
                    ? Reply.of(ReplyCodes.HELP, "Command " + Texts.oneLine(verb) + " is supported.")
                    : Reply.of(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Unknown command " + Texts.oneLine(Texts.excerpt(verb, 16)) + ".");
        }
        return Reply.of(ReplyCodes.HELP, helpLines("The following commands are recognized.", verbs, "Help OK."));
    }

    static List<String> helpLines(String first, Set<String> verbs, String last) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        StringBuilder row = new StringBuilder();
        int inRow = 0;
        for (String verb : verbs) {
            row.append(' ').append(String.format(Locale.ROOT, "%-5s", verb));
            if (++inRow == 10) {
                lines.add(row.toString());
                row.setLength(0);
                inRow = 0;
            }
        }
        if (inRow > 0) {
            lines.add(row.toString());
        }
        lines.add(last);
        return lines;
    }

    /** RFC 959 §4.1.3 STAT: without argument the server's status; with one, a listing over the control connection. */
    static Reply stat(Command command, CommandContext session) throws Exception {
        if (command.hasArgument()) {
            if (!session.account().isPresent()) {
                throw Replies.fail(ReplyCodes.NOT_LOGGED_IN, "Please login with USER and PASS.");
            }
            return ListingCommands.statPath(command, session);
        }
        List<String> lines = new ArrayList<>();
        lines.add("FTP server status:");
        lines.add("Connected to " + session.clientAddress().getAddress().getHostAddress());
        lines.add(session.account().map(a -> "Logged in as " + Texts.oneLine(a.name())).orElse("Not logged in"));
        lines.add("TYPE: " + (session.asciiType() ? "ASCII" : "BINARY") + ", STRUcture: File, MODE: "
                + (session.parameters().modeZ() ? "Deflate" : "Stream"));
        RunningTransfer transfer = session.runningTransfer().orElse(null);
        if (transfer != null && !transfer.done()) {
            lines.add(transfer.verb() + " in progress, " + transfer.bytes() + " bytes transferred");
        } else {
            lines.add("No data connection");
        }
        lines.add("End of status");
        return Reply.of(ReplyCodes.SYSTEM_STATUS, lines);
    }

    /**
     * RFC 959 §4.1.3 ABOR: a running transfer is closed and answered with 426, then ABOR gets 226; with no
     * transfer, 225 (vsftpd's answer; ftplib accepts 225, 226 and 426).
     */
    static Reply abor(Command command, CommandContext session) throws Exception {
        RunningTransfer transfer = session.runningTransfer().orElse(null);
        if (transfer != null && !transfer.done()) {
            transfer.abort();
            transfer.await(session.settings().dataTimeout());
            return Reply.of(ReplyCodes.CLOSING_DATA, "Abort successful.");
        }
        session.dataConnections().discard();
        return Reply.of(ReplyCodes.DATA_CONNECTION_OPEN, "No transfer to abort.");
    }
}
