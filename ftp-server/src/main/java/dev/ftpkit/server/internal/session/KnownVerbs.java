package dev.ftpkit.server.internal.session;

import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.util.Set;

/**
 * The answer to a verb no handler is registered for. RFC 959 §4.2: {@code 500} is a command not recognised,
 * {@code 502} a command recognised but not implemented. A verb some FTP RFC defines is recognised (502: for
 * example SMNT, LPRT, or a built-in an embedder removed from the registry); anything else is 500, as vsftpd,
 * proftpd and pure-ftpd answer.
 */
final class KnownVerbs {

    /** RFC 959 §4.1, RFC 775, RFC 1639, RFC 2228, RFC 2389, RFC 2428, RFC 2640, RFC 3659, RFC 7151. */
    private static final Set<String> DEFINED = Set.of(
            "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "TYPE", "STRU", "MODE",
            "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD", "MKD", "PWD",
            "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP",
            "XCWD", "XCUP", "XPWD", "XMKD", "XRMD",
            "LPRT", "LPSV", "AUTH", "ADAT", "PROT", "PBSZ", "CCC", "MIC", "CONF", "ENC",
            "FEAT", "OPTS", "EPRT", "EPSV", "LANG", "MDTM", "SIZE", "MLST", "MLSD", "HOST");

    private KnownVerbs() {
    }

    static Reply unregistered(String verb) {
        return DEFINED.contains(verb)
                ? Reply.of(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Command not implemented.")
                : Reply.of(ReplyCodes.SYNTAX_ERROR, "Unknown command.");
    }
}
