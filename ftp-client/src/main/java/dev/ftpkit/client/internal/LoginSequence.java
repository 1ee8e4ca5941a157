package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;

/**
 * The commands that make a connected session ready for use: AUTH TLS right after the greeting (explicit FTPS),
 * HOST, USER, PASS and ACCT as the replies ask for them, and once logged in PBSZ/PROT and CCC.
 */
final class LoginSequence {

    private LoginSequence() {
    }

    /**
     * RFC 4217 §4: AUTH TLS, 234, handshake. Any other reply fails the connection: TLS was asked for, so the
     * credentials must never go out in the clear.
     */
    static void authTls(ControlConnection control, TlsLayer tls) throws IOException {
        Command auth = Command.of("AUTH", "TLS");
        Reply reply = control.execute(auth);
        if (reply.codeValue() != ReplyCodes.SECURITY_DATA_EXCHANGE_COMPLETE) {
            throw new FtpReplyException("the server refused AUTH TLS; TLS is required, so the connection is closed"
                    + " without logging in", reply);
        }
        control.startTls(tls);
    }

    /** HOST when configured, then USER, PASS and ACCT as the replies ask for them (RFC 959 §5.4). */
    static void login(ControlConnection control, FtpClientConfig config, String user, String password, String account)
            throws IOException {
        Command userCommand = Command.of("USER", user);
        Command passCommand = Command.of("PASS", password);
        Command acctCommand = account == null ? null : Command.of("ACCT", account);
        if (config.virtualHost().isPresent()) {
            Reply host = control.execute(Command.of("HOST", config.virtualHost().get()));
            // RFC 7151 §3: a server without HOST answers 500/502; go on without it.
            if (!host.code().isPositiveCompletion() && host.codeValue() != ReplyCodes.SYNTAX_ERROR
                    && host.codeValue() != ReplyCodes.COMMAND_NOT_IMPLEMENTED) {
                throw new FtpReplyException("HOST", host);
            }
        }
        Reply reply = control.execute(userCommand);
        if (reply.codeValue() == ReplyCodes.NEED_PASSWORD) {
            reply = control.execute(passCommand);
        }
        if (reply.codeValue() == ReplyCodes.NEED_ACCOUNT) {
            if (acctCommand == null) {
                throw new FtpReplyException("login needs an account", reply);
            }
            reply = control.execute(acctCommand);
        }
        if (!reply.code().isPositiveCompletion()) {
            throw new FtpReplyException("login as " + user, reply);
        }
    }

    /**
     * RFC 4217 §9 (RFC 2228 §3): PBSZ 0 then PROT P (or C). A refused PROT P fails: the transfers would go in the
     * clear. Then CCC (RFC 4217 §6) when asked for.
     */
    static void protectData(ControlConnection control, TlsLayer tls, Transfers transfers) throws IOException {
        FtpsConfig settings = tls.settings();
        Reply pbsz = control.execute(Command.of("PBSZ", "0"));
        if (!pbsz.code().isPositiveCompletion()) {
            throw new FtpReplyException("PBSZ 0", pbsz);
        }
        FtpsConfig.DataProtection protection = settings.dataProtection();
        Reply prot = control.execute(Command.of("PROT", protection.code()));
        if (!prot.code().isPositiveCompletion()) {
            throw new FtpReplyException("PROT " + protection.code(), prot);
        }
        transfers.protectData(protection == FtpsConfig.DataProtection.PRIVATE ? tls : null);
        if (settings.clearCommandChannel() && control.isSecure()) {
            Reply ccc = control.execute(Command.of("CCC"));
            if (!ccc.code().isPositiveCompletion()) {
                throw new FtpReplyException("CCC", ccc);
            }
            control.clearTls();
        }
    }
}
