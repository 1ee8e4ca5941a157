package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;

import java.util.Locale;

import static dev.ftpkit.server.command.Replies.fail;

/** AUTH, PBSZ, PROT, CCC: FTPS on the control and data connections (RFC 2228 §3, RFC 4217). */
final class TlsCommands {

    private TlsCommands() {
    }

    /**
     * RFC 4217 §4: {@code AUTH TLS} answers 234 in plaintext, then the TLS handshake starts. {@code TLS-C} and
     * {@code SSL} are old names for the same; {@code TLS-P} also protects data (the draft's meaning).
     */
    static Reply auth(Command command, CommandContext session) throws Exception {
        if (session.settings().tls().isEmpty()) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "TLS is not configured.");
        }
        Replies.requireArgument(command);
        if (session.tls().active()) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "Already using TLS.");
        }
        String mechanism = command.argument().strip().toUpperCase(Locale.ROOT);
        switch (mechanism) {
            case "TLS", "TLS-C", "SSL" -> {
            }
            case "TLS-P" -> {
                session.tls().pbszDone(true);
                session.tls().protectData(true);
            }
            // RFC 2228 §3: 504 for a mechanism the server does not understand
            default -> throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Unknown AUTH type.");
        }
        // RFC 4217 §4: a new security exchange resets the data protection state
        session.tls().startAfterReply();
        return Reply.of(ReplyCodes.SECURITY_DATA_EXCHANGE_COMPLETE, "Proceed with negotiation.");
    }

    /** RFC 4217 §8: TLS has no protection buffer; any size is answered with {@code PBSZ=0}. */
    static Reply pbsz(Command command, CommandContext session) throws Exception {
        requireProtectedControl(session, "PBSZ");
        Replies.requireArgument(command);
        String size = command.argument().strip();
        if (!size.matches("[0-9]{1,10}") || Long.parseLong(size) > 0xFFFF_FFFFL) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "PBSZ needs a decimal 32-bit number.");
        }
        session.tls().pbszDone(true);
        return Reply.of(ReplyCodes.COMMAND_OK, "PBSZ=0");
    }

    /** RFC 4217 §9, RFC 2228 §3: PROT C or P; S and E are not offered by TLS; PBSZ must come first. */
    static Reply prot(Command command, CommandContext session) throws Exception {
        requireProtectedControl(session, "PROT");
        Replies.requireArgument(command);
        if (!session.tls().pbszDone()) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "PROT needs PBSZ first.");
        }
        String level = command.argument().strip().toUpperCase(Locale.ROOT);
        switch (level) {
            case "C" -> session.tls().protectData(false);
            case "P" -> session.tls().protectData(true);
            case "S", "E" -> throw fail(ReplyCodes.PROTECTION_LEVEL_NOT_SUPPORTED, "PROT " + level + " not supported.");
            default -> throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Unknown PROT level.");
        }
        return Reply.of(ReplyCodes.COMMAND_OK, "PROT now " + (level.equals("P") ? "Private." : "Clear."));
    }

    /**
     * RFC 4217 §12.3: CCC returns the control connection to plaintext after 200; refused with 534 unless
     * enabled, and with 533 on a connection that is not protected (RFC 2228 §3).
     */
    static Reply ccc(Command command, CommandContext session) throws Exception {
        requireProtectedControl(session, "CCC");
        if (!session.settings().tls().orElseThrow().clearCommandChannel()) {
            throw fail(ReplyCodes.REQUEST_DENIED_FOR_POLICY, "CCC is not allowed.");
        }
        session.tls().clearControlAfterReply();
        return Reply.of(ReplyCodes.COMMAND_OK, "Control connection returns to plaintext.");
    }

    private static void requireProtectedControl(CommandContext session, String verb) throws Exception {
        if (session.settings().tls().isEmpty()) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "TLS is not configured.");
        }
        if (session.tls().controlSession().isEmpty()) {
            // vsftpd's text; RFC 4217 §8/§9 say 503 for PBSZ/PROT before AUTH
            throw fail(verb.equals("CCC") ? ReplyCodes.COMMAND_PROTECTION_DENIED : ReplyCodes.BAD_SEQUENCE,
                    verb + " not allowed on insecure control connection.");
        }
    }
}
