package dev.ftpkit.server;

/**
 * One password check's turn for a client address ({@link LoginControl#awaitTurn()}): checks from one address run
 * one at a time across its connections, and an address that keeps failing is slowed. Close it when the check is
 * done.
 */
public interface LoginTurn extends AutoCloseable {

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
