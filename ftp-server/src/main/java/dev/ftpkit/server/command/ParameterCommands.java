package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.ModeZ;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.MlsxFactSelection;

import java.util.Locale;

import static dev.ftpkit.server.command.Replies.fail;

/** TYPE, STRU, MODE, REST, ALLO, OPTS: transfer parameters (RFC 959 §4.1.2, RFC 3659 §5, RFC 2389 §4). */
final class ParameterCommands {

    private ParameterCommands() {
    }

    static Reply type(Command command, CommandContext session) throws Exception {
        String[] parts = command.argument().strip().toUpperCase(Locale.ROOT).split("\\s+");
        String type = parts[0];
        String format = parts.length > 1 ? parts[1] : "";
        if (parts.length > 2) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Unrecognised TYPE command.");
        }
        switch (type) {
            case "A":
                if (!format.isEmpty() && !format.equals("N")) {
                    throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Only non-print format is supported.");
                }
                session.parameters().asciiType(true);
                return Reply.of(ReplyCodes.COMMAND_OK, "Switching to ASCII mode.");
            case "I":
                session.parameters().asciiType(false);
                return Reply.of(ReplyCodes.COMMAND_OK, "Switching to Binary mode.");
            case "L":
                if (!format.equals("8")) {
                    throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Only byte size 8 is supported.");
                }
                session.parameters().asciiType(false);
                return Reply.of(ReplyCodes.COMMAND_OK, "Switching to Binary mode.");
            case "E":
                throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "EBCDIC is not supported.");
            default:
                throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Unrecognised TYPE command.");
        }
    }

    static Reply stru(Command command, CommandContext session) throws Exception {
        return oneSupported(command, "F", "Structure set to F.", "RP");
    }

    /** RFC 959 §3.4: S (stream); Z (deflate, draft-preston-ftpext-deflate) where the server offers it. */
    static Reply mode(Command command, CommandContext session) throws Exception {
        String argument = command.argument().strip().toUpperCase(Locale.ROOT);
        if (argument.equals("Z") && session.settings().modeZLevel().isPresent()) {
            session.parameters().takeRestOffset(); // a restart offset cannot apply to a deflate stream
            session.parameters().modeZ(true);
            return Reply.of(ReplyCodes.COMMAND_OK, "Mode set to Z.");
        }
        Reply reply = oneSupported(command, "S", "Mode set to S.", "BCZ");
        session.parameters().modeZ(false);
        return reply;
    }

    private static Reply oneSupported(Command command, String supported, String ok, String known) throws Exception {
        String argument = command.argument().strip().toUpperCase(Locale.ROOT);
        if (argument.equals(supported)) {
            return Reply.of(ReplyCodes.COMMAND_OK, ok);
        }
        if (argument.length() == 1 && known.contains(argument)) {
            throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Only " + supported + " is supported.");
        }
        throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Unrecognised " + command.verb() + " argument.");
    }

    /** RFC 3659 §5: REST STREAM takes a decimal byte offset for the next RETR or STOR. */
    static Reply rest(Command command, CommandContext session) throws Exception {
        String argument = command.argument().strip();
        if (argument.isEmpty() || argument.length() > 18 || !argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "REST needs a non-negative decimal offset.");
        }
        long offset = Long.parseLong(argument);
        if (offset != 0 && session.parameters().modeZ()) {
            // a restart offset counts uncompressed bytes, which a deflate stream cannot start at
            throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "REST is not supported in MODE Z.");
        }
        session.parameters().restOffset(offset);
        return Reply.of(ReplyCodes.RESTART_POSITION_ACCEPTED, "Restart position accepted (" + offset + ").");
    }

    static Reply allo(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.COMMAND_SUPERFLUOUS, "ALLO command ignored.");
    }

    /**
     * RFC 2389 §4 OPTS: UTF8 (RFC 2640), MLST facts (RFC 3659 §7.9), HASH (draft-bryan-ftpext-hash), MODE Z LEVEL
     * (draft-preston-ftpext-deflate).
     */
    static Reply opts(Command command, CommandContext session) throws Exception {
        String argument = command.argument().strip();
        int space = argument.indexOf(' ');
        String name = (space < 0 ? argument : argument.substring(0, space)).toUpperCase(Locale.ROOT);
        String value = space < 0 ? "" : argument.substring(space + 1).strip();
        switch (name) {
            case "UTF8":
            case "UTF-8":
                if (value.isEmpty() || value.equalsIgnoreCase("ON")) {
                    // a client that says it speaks UTF-8 gets UTF-8, even where the server's names are in another
                    // charset for older clients (the session switches, from the next reply on)
                    session.parameters().useUtf8();
                    return Reply.of(ReplyCodes.COMMAND_OK, "Always in UTF8 mode.");
                }
                throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "UTF8 cannot be turned off.");
            case "MLST":
                // RFC 3659 §7.9: only the selected facts are sent from now on; no facts selects none
                MlsxFactSelection selection = MlsxFactSelection.parse(value);
                session.parameters().mlsxFacts(selection);
                return Reply.of(ReplyCodes.COMMAND_OK, selection.optsReply());
            case "MODE":
                if (session.settings().modeZLevel().isEmpty()) {
                    throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "MODE Z is not offered.");
                }
                session.parameters().modeZLevel(ModeZ.parseLevelOption(value));
                return Reply.of(ReplyCodes.COMMAND_OK, "MODE Z level set to " + session.parameters().modeZLevel() + ".");
            case "HASH":
                if (value.isEmpty()) {
                    return Reply.of(ReplyCodes.COMMAND_OK, session.parameters().hashAlgorithm());
                }
                String algorithm = HashCommands.canonicalName(value);
                if (algorithm == null) {
                    throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Unknown algorithm, current selection not changed.");
                }
                session.parameters().hashAlgorithm(algorithm);
                return Reply.of(ReplyCodes.COMMAND_OK, algorithm);
            default:
                throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Option not understood.");
        }
    }
}
