package dev.ftpkit.server;

/**
 * One password check's turn for a client address ({@link LoginControl#awaitTurn(String)}): checks from one address run
 * one at a time across its connections, and an address that keeps failing is slowed. Close it when the check is
 * done.
 */
public interface LoginTurn extends AutoCloseable {

    /** The turn of a login whose check costs nothing ({@link Authenticator#checkCosts}): it waited for no one. */
    LoginTurn NONE = new LoginTurn() {
        @Override
        public boolean penalized() {
            return false;
        }

        @Override
        public void failed() {
            // nothing to slow down: the check is free
        }

        @Override
        public void close() {
            // held nothing
        }
    };

    /**
     * Whether this address failed recently, so the check should wait the login failure delay first.
     *
     * @return true if penalized
     */
    boolean penalized();

    /** Records that the check failed (the credentials were wrong). */
    void failed();

    /** Ends the turn: the next check from the address may start. */
    @Override
    void close();
}
