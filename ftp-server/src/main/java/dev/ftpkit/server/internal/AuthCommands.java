package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.VirtualHost;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

import static dev.ftpkit.server.internal.SessionHandler.fail;

/** USER, PASS, ACCT, REIN, QUIT, HOST (RFC 959 §4.1.1, RFC 7151). */
final class AuthCommands {

    private AuthCommands() {
    }

    static Reply user(Command command, Session session) throws Exception {
        if (session.loggedIn()) {
            throw fail(ReplyCodes.NOT_LOGGED_IN, "Can't change to another user.");
        }
        SessionHandler.requireArgument(command);
        requireTlsForLogin(session);
        session.loginState().pendingUser(command.argument());
        // the same 331 for every name: no user enumeration
        return Reply.of(ReplyCodes.NEED_PASSWORD, "Please specify the password.");
    }

    static Reply pass(Command command, Session session) throws Exception {
        if (session.loggedIn()) {
            return Reply.of(ReplyCodes.COMMAND_SUPERFLUOUS, "Already logged in.");
        }
        requireTlsForLogin(session);
        String user = session.loginState().pendingUser();
        if (user == null) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "Login with USER first.");
        }
        session.loginState().pendingUser(null);
        InetAddress address = session.clientAddress().getAddress();
        // one check at a time per address, across its connections: a flood of wrong passwords from one address
        // holds at most one core, and the clients of other addresses are not starved (issue 13)
        Optional<LoginThrottle.Turn> turn = session.server().loginThrottle().awaitTurn(address,
                session.config().idleTimeout());
        if (turn.isEmpty()) {
            session.closeAfterReply();
            return Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Too many logins from your address; try again later.");
        }
        Optional<Account> account;
        try (LoginThrottle.Turn checking = turn.get()) {
            if (checking.penalized()) {
                Thread.sleep(session.config().loginFailureDelay().toMillis());
            }
            account = session.loginState().host().authenticator().authenticate(user, command.argument(), address);
            if (account.isEmpty()) {
                checking.failed();
            }
        } catch (IOException e) {
            session.closeAfterReply();
            return Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Authentication service unavailable.");
        }
        if (account.isPresent()) {
            session.login(account.get());
            return Reply.of(ReplyCodes.LOGGED_IN, "Login successful.");
        }
        int failures = session.loginState().failed();
        session.config().listener().loginFailed(session, user);
        // the same delay for an unknown user and a wrong password
        Thread.sleep(session.config().loginFailureDelay().toMillis());
        if (failures >= session.config().maxLoginFailures()) {
            session.closeAfterReply();
        }
        return Reply.of(ReplyCodes.NOT_LOGGED_IN, "Login incorrect.");
    }

    /** vsftpd's force_local_logins_ssl: no name or password before AUTH TLS (RFC 4217 §11). */
    private static void requireTlsForLogin(Session session) throws Exception {
        boolean required = session.config().tls().map(TlsConfig::requiredForLogin).orElse(false);
        if (required && session.tls().controlTls().isEmpty()) {
            throw fail(ReplyCodes.NOT_LOGGED_IN, "Login needs TLS: send AUTH TLS first.");
        }
    }

    static Reply acct(Command command, Session session) {
        return Reply.of(ReplyCodes.COMMAND_SUPERFLUOUS, "ACCT not needed.");
    }

    static Reply rein(Command command, Session session) {
        session.reinitialize();
        return Reply.of(ReplyCodes.SERVICE_READY, session.config().greeting());
    }

    static Reply quit(Command command, Session session) {
        session.closeAfterReply();
        return Reply.of(ReplyCodes.CLOSING_CONTROL, "Goodbye.");
    }

    /** RFC 7151 §3: HOST comes before USER; it selects a virtual host's root and users. */
    static Reply host(Command command, Session session) throws Exception {
        if (session.loggedIn() || session.loginState().pendingUser() != null) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "HOST must come before USER.");
        }
        SessionHandler.requireArgument(command);
        String name = command.argument().strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        VirtualHost virtual = session.config().virtualHosts().get(name.toLowerCase(Locale.ROOT));
        if (virtual != null) {
            HostContext chosen = new HostContext(Optional.of(virtual.name()), virtual.root(), virtual.authenticator());
            session.loginState().host(chosen);
            return Reply.of(ReplyCodes.SERVICE_READY, "Host " + Texts.oneLine(virtual.name()) + " accepted.");
        }
        if (session.config().virtualHosts().isEmpty()) {
            return Reply.of(ReplyCodes.SERVICE_READY, "Host accepted.");
        }
        throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Unknown host.");
    }
}
