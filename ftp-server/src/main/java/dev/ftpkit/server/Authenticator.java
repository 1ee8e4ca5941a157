package dev.ftpkit.server;

import dev.ftpkit.server.internal.AnonymousNames;
import dev.ftpkit.server.internal.FreeCheck;

import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who may log in (the authentication SPI). Given the user name, the password and the client's address,
 * it yields the account (home and permissions) or a refusal.
 *
 * <p>The server answers every USER with 331 and delays every refusal by the same amount, so an implementation
 * does not need to hide which user names exist; it should, however, take about the same time for an unknown
 * user as for a wrong password (see {@link InMemoryUsers}).
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Checks a login.
     *
     * @param userName      the name given to USER
     * @param password      the text given to PASS (may be empty)
     * @param clientAddress the address of the client's control connection
     * @return the account, or empty to refuse
     * @throws IOException if the check could not be made (the client gets 421, not 530)
     */
    Optional<Account> authenticate(String userName, String password, InetAddress clientAddress) throws IOException;

    /**
     * Whether checking a login with this name costs real work: a password hash, a call to a directory service.
     * The server runs such checks one at a time per client address, so that a flood of guesses from one address
     * holds at most one core (issue 13); a login for which this says {@code false} does not wait for that turn and
     * is never refused for it. Answer {@code false} only for names that {@link #authenticate} answers at once
     * whatever the password (anonymous logins, RFC 1635; a name it refuses without looking further). A lambda
     * cannot say it, so it is taken as costly for every name; {@link #orElse} is costly for a name if either part
     * is ({@code anonymous(...).orElse(users)} with an {@link InMemoryUsers} lets anonymous logins through free).
     *
     * @param userName the name given to USER
     * @return true (the default) if the check may be costly
     */
    default boolean checkCosts(String userName) {
        return true;
    }

    /**
     * Refuses everyone; the default of a server built without an authenticator.
     *
     * @return an authenticator that never grants
     */
    static Authenticator denyAll() {
        return FreeCheck.DENY_ALL;
    }

    /**
     * Anonymous logins (RFC 1635): the user names {@code anonymous} and {@code ftp} (any case) with any
     * password (conventionally an e-mail address), at the root. Anonymous users never hold
     * {@link Permission#CHMOD} nor {@link Permission#FXP}, even when {@code permissions} names them.
     *
     * @param permissions what anonymous users may do, usually {@link Permission#readOnly()}
     * @return the authenticator
     */
    static Authenticator anonymous(Set<Permission> permissions) {
        Objects.requireNonNull(permissions, "permissions");
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(permissions);
        granted.remove(Permission.CHMOD);
        granted.remove(Permission.FXP); // an anonymous bounce is the attack itself (RFC 2577 §3)
        Optional<Account> anonymous = Optional.of(Account.atRoot("anonymous", granted)); // immutable: shared
        return new FreeCheck((user, password, client) -> AnonymousNames.contains(user) ? anonymous : Optional.empty());
    }

    /**
     * Tries this authenticator, then {@code other} when this one refuses.
     *
     * @param other the fallback
     * @return the combined authenticator
     */
    default Authenticator orElse(Authenticator other) {
        Objects.requireNonNull(other, "other");
        Authenticator first = this;
        return new Authenticator() {
            @Override
            public Optional<Account> authenticate(String user, String password, InetAddress client)
                    throws IOException {
                Optional<Account> account = first.authenticate(user, password, client);
                return account.isPresent() ? account : other.authenticate(user, password, client);
            }

            /** Either may be asked: costly if either one's check is. */
            @Override
            public boolean checkCosts(String userName) {
                return first.checkCosts(userName) || other.checkCosts(userName);
            }
        };
    }
}
