package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CertificateLogin;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.LoginTurn;
import dev.ftpkit.server.TlsSettings;
import dev.ftpkit.server.VirtualHost;
import dev.ftpkit.server.internal.Texts;

import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import static dev.ftpkit.server.command.Replies.fail;

/** USER, PASS, ACCT, REIN, QUIT, HOST (RFC 959 §4.1.1, RFC 7151). */
final class AuthCommands {

    private AuthCommands() {
    }

    static Reply user(Command command, CommandContext session) throws Exception {
        if (session.account().isPresent()) {
            throw fail(ReplyCodes.NOT_LOGGED_IN, "Can't change to another user.");
        }
        Replies.requireArgument(command);
        requireTlsForLogin(session);
        Optional<Account> byCertificate = certificateAccount(command.argument(), session);
        if (byCertificate.isPresent()) {
            session.login().checkAllowed(command.argument());
            session.login().complete(byCertificate.get());
            return Reply.of(ReplyCodes.LOGGED_IN_SECURITY, "Logged in by client certificate.");
        }
        session.login().pendingUser(Optional.of(command.argument()));
        // the same 331 for every name: no user enumeration
        return Reply.of(ReplyCodes.NEED_PASSWORD, "Please specify the password.");
    }

    static Reply pass(Command command, CommandContext session) throws Exception {
        if (session.account().isPresent()) {
            return Reply.of(ReplyCodes.COMMAND_SUPERFLUOUS, "Already logged in.");
        }
        requireTlsForLogin(session);
        String user = session.login().pendingUser().orElse(null);
        if (user == null) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "Login with USER first.");
        }
        session.login().pendingUser(Optional.empty());
        session.login().checkAllowed(user);
        // one costly check at a time per address, across its connections: a flood of wrong passwords from one
        // address holds at most one core, and the clients of other addresses are not starved (issue 13); a free
        // check (anonymous) does not queue
        Optional<LoginTurn> turn = session.login().awaitTurn(user);
        if (turn.isEmpty()) {
            session.closeAfterReply();
            return Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Too many logins from your address; try again later.");
        }
        Optional<Account> account;
        try (LoginTurn checking = turn.get()) {
            if (checking.penalized()) {
                Thread.sleep(session.settings().loginFailureDelay().toMillis());
            }
            account = session.login().authenticate(user, command.argument());
            if (account.isEmpty()) {
                checking.failed();
            }
        } catch (IOException e) {
            session.closeAfterReply();
            return Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Authentication service unavailable.");
        }
        if (account.isPresent()) {
            session.login().complete(account.get());
            return Reply.of(ReplyCodes.LOGGED_IN, "Login successful.");
        }
        session.login().recordFailure(user); // the delay, and closing after too many
        return Reply.of(ReplyCodes.NOT_LOGGED_IN, "Login incorrect.");
    }

    /**
     * The account the control connection's client certificate logs {@code user} in as ({@link CertificateLogin}),
     * empty without a mapping, a certificate, or a match. The certificate was verified in the handshake.
     */
    private static Optional<Account> certificateAccount(String user, CommandContext session) {
        CertificateLogin login = session.settings().tls().map(TlsSettings::certificateLogin)
                .orElse(CertificateLogin.NONE);
        if (login == CertificateLogin.NONE) {
            return Optional.empty();
        }
        return session.tls().controlSession().flatMap(AuthCommands::clientCertificate)
                .flatMap(certificate -> login.account(user, certificate));
    }

    private static Optional<X509Certificate> clientCertificate(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate first ? Optional.of(first) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty(); // the client presented none
        }
    }

    /** vsftpd's force_local_logins_ssl: no name or password before AUTH TLS (RFC 4217 §11). */
    private static void requireTlsForLogin(CommandContext session) throws Exception {
        boolean required = session.settings().tls().map(TlsSettings::requiredForLogin).orElse(false);
        if (required && session.tls().controlSession().isEmpty()) {
            throw fail(ReplyCodes.NOT_LOGGED_IN, "Login needs TLS: send AUTH TLS first.");
        }
    }

    static Reply acct(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.COMMAND_SUPERFLUOUS, "ACCT not needed.");
    }

    static Reply rein(Command command, CommandContext session) {
        session.reinitialize();
        return Reply.of(ReplyCodes.SERVICE_READY, session.settings().greeting());
    }

    static Reply quit(Command command, CommandContext session) {
        session.closeAfterReply();
        return Reply.of(ReplyCodes.CLOSING_CONTROL, "Goodbye.");
    }

    /** RFC 7151 §3: HOST comes before USER; it selects a virtual host's root and users. */
    static Reply host(Command command, CommandContext session) throws Exception {
        if (session.account().isPresent() || session.login().pendingUser().isPresent()) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "HOST must come before USER.");
        }
        Replies.requireArgument(command);
        String name = command.argument().strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        VirtualHost virtual = session.settings().virtualHosts().get(name.toLowerCase(Locale.ROOT));
        if (virtual != null) {
            session.login().useHost(virtual);
            return Reply.of(ReplyCodes.SERVICE_READY, "Host " + Texts.oneLine(virtual.name()) + " accepted.");
        }
        if (session.settings().virtualHosts().isEmpty()) {
            return Reply.of(ReplyCodes.SERVICE_READY, "Host accepted.");
        }
        throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Unknown host.");
    }
}
