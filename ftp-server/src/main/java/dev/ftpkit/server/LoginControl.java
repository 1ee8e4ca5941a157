package dev.ftpkit.server;

import java.io.IOException;
import java.util.Optional;

/**
 * The login state of one session (RFC 959 §4.1.1, RFC 7151): the name given to USER, authentication against the
 * chosen host, completing a login and the failed-attempts policy.
 */
public interface LoginControl {

    /**
     * The name USER gave, waiting for PASS.
     *
     * @return the name, empty if none is pending
     */
    Optional<String> pendingUser();

    /**
     * Sets or clears the name waiting for PASS.
     *
     * @param user the name, or empty to clear it
     */
    void pendingUser(Optional<String> user);

    /**
     * Asks the server's {@link ServerHook hooks} whether this user may try to log in from the client's address.
     *
     * @param user the name given to USER
     * @throws dev.ftpkit.core.FtpReplyException with the hook's reply if a hook denies it
     */
    void checkAllowed(String user) throws IOException;

    /**
     * Waits for the client address's turn to check a password: one check at a time per address across its
     * connections, so a flood of wrong passwords from one address holds at most one core. A login whose check
     * costs nothing ({@link Authenticator#checkCosts}, e.g. an anonymous one) waits for no one and gets
     * {@link LoginTurn#NONE}.
     *
     * @param user the name given to USER
     * @return the turn (close it after the check), empty if too many logins from the address are waiting already
     * @throws InterruptedException if interrupted while waiting
     */
    Optional<LoginTurn> awaitTurn(String user) throws InterruptedException;

    /**
     * Checks a name and password with the authenticator of the session's host.
     *
     * @param user     the name
     * @param password the password
     * @return the account, empty if the credentials are wrong
     * @throws IOException if the authentication service fails
     */
    Optional<Account> authenticate(String user, String password) throws IOException;

    /**
     * Completes a login: the account's home becomes {@code /}, the listener is told.
     *
     * @param account the account
     * @throws IOException if the home cannot be created
     */
    void complete(Account account) throws IOException;

    /**
     * Applies the failed-login policy: counts the failure, tells the listener, waits the configured delay (the
     * same for an unknown user and a wrong password) and closes the session after the reply once too many failed.
     *
     * @param user the name given to USER
     * @throws InterruptedException if interrupted while waiting
     */
    void recordFailure(String user) throws InterruptedException;

    /**
     * Selects a virtual host (HOST, RFC 7151): its root and authenticator are used from now on.
     *
     * @param host one of {@link ServerSettings#virtualHosts()}
     */
    void useHost(VirtualHost host);
}
