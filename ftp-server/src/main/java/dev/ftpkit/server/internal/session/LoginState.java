package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.internal.files.FileJail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who the session is logged in as and where: the host chosen with HOST (RFC 7151), the USER waiting for PASS,
 * the account with its jail, the working directory, and the failed attempts so far.
 */
final class LoginState {

    private HostContext host;
    private String pendingUser;
    private Account account;
    private FileJail jail;
    private String cwd = "/";
    private int failures;

    LoginState(HostContext host) {
        this.host = host;
    }

    HostContext host() {
        return host;
    }

    void host(HostContext newHost) {
        this.host = newHost;
    }

    String pendingUser() {
        return pendingUser;
    }

    void pendingUser(String user) {
        this.pendingUser = user;
    }

    /** The logged-in account, or null. */
    Account account() {
        return account;
    }

    /** Completes a login: the home becomes the session's {@code /}. */
    void complete(Account newAccount) throws IOException {
        FileJail rootJail = new FileJail(host.root());
        Path home = rootJail.toPath(newAccount.home());
        if (home.equals(rootJail.home())) {
            this.jail = rootJail; // an account at the root: no second real-path lookup
        } else {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(home);
            }
            this.jail = new FileJail(home);
        }
        this.account = newAccount;
        this.cwd = "/";
        this.pendingUser = null;
        this.failures = 0;
    }

    /** Forgets the login (REIN, RFC 959 §4.1.1); the host chosen with HOST stays. */
    void reset() {
        account = null;
        jail = null;
        pendingUser = null;
        cwd = "/";
    }

    /** Counts a failed login and returns how many there were since the last success. */
    int failed() {
        return ++failures;
    }

    FileJail jail() {
        if (jail == null) {
            throw new IllegalStateException("not logged in");
        }
        return jail;
    }

    String workingDirectory() {
        return cwd;
    }

    void workingDirectory(String normalized) {
        this.cwd = normalized;
    }
}
