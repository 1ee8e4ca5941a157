package dev.ftpkit.examples.bench;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.SaltedPasswordEncryptor;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apache FtpServer 1.2 (MINA) in this JVM, on its defaults except the limits on logins (raised for the concurrency
 * benchmark). Accounts: anonymous with write permission, and {@link BenchServer#PASSWORD_USER} whose password is
 * stored with its {@link SaltedPasswordEncryptor} (1,000 rounds of MD5 over a salted string).
 */
final class ApacheFtpServer implements BenchServer {

    private static final int MAX_LOGINS = 12_000;

    @Override
    public String name() {
        return "Apache FtpServer";
    }

    @Override
    public Running start(Path root, Path workDir) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        Listener listener = listenerFactory.createListener();
        factory.addListener("default", listener);
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(true);
        connections.setMaxLogins(MAX_LOGINS);
        connections.setMaxAnonymousLogins(MAX_LOGINS);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setUserManager(new BenchUsers(root));
        FtpServer server = factory.createServer();
        server.start();
        return new RunningApache(server, listener);
    }

    private record RunningApache(FtpServer server, Listener listener) implements Running {

        @Override
        public int port() {
            return listener.getPort();
        }

        @Override
        public int openSessions() {
            return listener.getActiveSessions().size();
        }

        @Override
        public boolean supportsMlsd() {
            return true;
        }

        @Override
        public String passwordHashing() {
            return "SaltedPasswordEncryptor: 1,000 x MD5";
        }

        @Override
        public boolean inProcess() {
            return true;
        }

        @Override
        public long cpuNanos() throws Exception {
            return Cpu.selfNanos();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Two fixed accounts; Apache FtpServer's own user managers want a properties file or a database. */
    private static final class BenchUsers implements UserManager {
        private final SaltedPasswordEncryptor encryptor = new SaltedPasswordEncryptor();
        private final Map<String, User> users;
        private final Map<String, String> hashes;

        BenchUsers(Path root) {
            List<Authority> rights = List.of(new WritePermission(),
                    new ConcurrentLoginPermission(MAX_LOGINS, MAX_LOGINS), new TransferRatePermission(0, 0));
            this.users = Map.of(ANONYMOUS, user(ANONYMOUS, root, rights), PASSWORD_USER, user(PASSWORD_USER, root, rights));
            this.hashes = Map.of(PASSWORD_USER, encryptor.encrypt(PASSWORD));
        }

        private static User user(String name, Path root, List<Authority> rights) {
            BaseUser user = new BaseUser();
            user.setName(name);
            user.setHomeDirectory(root.toString());
            user.setAuthorities(rights);
            user.setEnabled(true);
            user.setMaxIdleTime(0);
            return user;
        }

        @Override
        public User getUserByName(String name) {
            return users.get(name);
        }

        @Override
        public String[] getAllUserNames() {
            return users.keySet().toArray(String[]::new);
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException("fixed accounts");
        }

        @Override
        public void save(User user) {
            throw new UnsupportedOperationException("fixed accounts");
        }

        @Override
        public boolean doesExist(String name) {
            return users.containsKey(name);
        }

        @Override
        public User authenticate(Authentication authentication) throws AuthenticationFailedException {
            if (authentication instanceof AnonymousAuthentication) {
                return users.get(ANONYMOUS);
            }
            if (authentication instanceof UsernamePasswordAuthentication login) {
                String hash = hashes.get(login.getUsername());
                if (hash != null && login.getPassword() != null && encryptor.matches(login.getPassword(), hash)) {
                    return users.get(login.getUsername());
                }
            }
            throw new AuthenticationFailedException("authentication failed");
        }

        @Override
        public String getAdminName() {
            return "admin";
        }

        @Override
        public boolean isAdmin(String name) {
            return false;
        }
    }
}
