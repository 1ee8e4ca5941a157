package dev.ftpkit.server.internal;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An authenticator that answers every name at once, checking no password ({@link Authenticator#checkCosts}
 * is false): its logins skip the per-address queue of password checks.
 */
public final class FreeCheck implements Authenticator {

    /** Refuses everyone. */
    public static final FreeCheck DENY_ALL = new FreeCheck((user, password, client) -> Optional.empty());

    private final Authenticator answer;

    /**
     * @param answer the check, which must cost nothing
     */
    public FreeCheck(Authenticator answer) {
        this.answer = answer;
    }

    @Override
    public Optional<Account> authenticate(String userName, String password, InetAddress clientAddress)
            throws IOException {
        return answer.authenticate(userName, password, clientAddress);
    }

    @Override
    public boolean checkCosts(String userName) {
        return false;
    }
}
