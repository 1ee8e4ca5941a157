package dev.ftpkit.server.internal.session;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.ModeZ;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.DataConnections;
import dev.ftpkit.server.FileRequest;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.LoginControl;
import dev.ftpkit.server.LoginTurn;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RunningTransfer;
import dev.ftpkit.server.ServerSettings;
import dev.ftpkit.server.StorageQuota;
import dev.ftpkit.server.TlsControl;
import dev.ftpkit.server.TransferParameters;
import dev.ftpkit.server.UploadEvent;
import dev.ftpkit.server.VirtualHost;
import dev.ftpkit.server.internal.ControlConnection;
import dev.ftpkit.server.internal.LoginThrottle;
import dev.ftpkit.server.internal.ProtocolLog;
import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.ServerResources;
import dev.ftpkit.server.internal.Texts;
import dev.ftpkit.server.internal.data.DataChannels;
import dev.ftpkit.server.internal.data.TransferRunner;
import dev.ftpkit.server.internal.limits.Defender;
import dev.ftpkit.server.internal.limits.QuotaBook;
import dev.ftpkit.server.internal.tls.SessionTls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state of one session and the {@link CommandContext} its handlers get. Its parts are typed objects:
 * {@code LoginState}, {@code CommandParameters}, {@code DataChannels}, {@code SessionTls}, {@code TransferRunner};
 * the read loop lives in {@link Session}.
 */
final class SessionContext implements CommandContext {

    private static final System.Logger LOG = System.getLogger(ProtocolLog.SESSION_LOGGER);

    private final String id;
    private final InetSocketAddress client;
    private final InetSocketAddress local;
    private final ServerConfig config;
    private final ServerSettings settings;
    private final Hooks hooks;
    private final LoginThrottle loginThrottle;
    private final Defender defender;
    private final QuotaBook quotaBook;
    private final ControlConnection control;

    // session state (RFC 959 §5.4 sequencing lives in these fields and the types they hold)
    private final LoginState login;
    private final LoginControl loginControl = new Login();
    private final CommandParameters parameters;
    private final SessionTls tls;
    private final TransferRunner transfers;
    private final DataChannels dataChannels;
    private volatile boolean closeAfterReply;
    private volatile boolean closing;
    /** The logged-in account's quota; set on the session thread at login, read by transfer threads. */
    private volatile StorageQuota quota = StorageQuota.UNLIMITED;

    SessionContext(String id, InetSocketAddress client, InetSocketAddress local, ServerConfig config,
                   ControlConnection control, ServerResources shared) {
        this.id = id;
        this.client = client;
        this.local = local;
        this.config = config;
        this.settings = new SettingsView(config, shared.listingHelpers());
        this.loginThrottle = shared.loginThrottle();
        this.defender = shared.defender();
        this.quotaBook = shared.quotas();
        this.hooks = new Hooks(config.hooks());
        this.control = control;
        this.login = new LoginState(new HostContext(Optional.empty(), config.root(), config.authenticator()));
        this.tls = new SessionTls(id);
        this.transfers = new TransferRunner(config.transferThreadFactory(), config.dataTimeout(), () -> closing, control);
        this.parameters = new CommandParameters(config.wire().modeZLevel().orElse(ModeZ.DEFAULT_LEVEL),
                config.wire().controlEncoding().orElse(StandardCharsets.UTF_8));
        this.dataChannels = new DataChannels(this, parameters,
                new DataChannels.Settings(config.dataTimeout(), config.listener(), config.limits().rateLimits(),
                        shared.sendWays(), shared.buffers()),
                new TlsDataProtection(config.tls(), tls, config.dataTimeout()), transfers, shared.passivePorts());
    }

    // ---- for the session loop ----

    ServerConfig config() {
        return config;
    }

    Hooks hooks() {
        return hooks;
    }

    SessionTls sessionTls() {
        return tls;
    }

    DataChannels channels() {
        return dataChannels;
    }

    TransferRunner transfers() {
        return transfers;
    }

    Defender defender() {
        return defender;
    }

    boolean loggedIn() {
        return login.account() != null;
    }

    /** Whether QUIT or the login policy asked to close after the current reply. */
    boolean closeRequested() {
        return closeAfterReply;
    }

    /** Whether the server is shutting down or closed this session. */
    boolean closing() {
        return closing;
    }

    void closing(boolean value) {
        this.closing = value;
    }

    /** RFC 959 §4.1.3: RNTO must immediately follow RNFR; any other command forgets the RNFR. */
    void forgetRenameUnless(String verb) {
        if (!verb.equals("RNTO")) {
            parameters.pendingRename(Optional.empty());
        }
    }

    // ---- FtpSession ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress clientAddress() {
        return client;
    }

    @Override
    public InetSocketAddress serverAddress() {
        return local;
    }

    @Override
    public Optional<Account> account() {
        return Optional.ofNullable(login.account());
    }

    @Override
    public Optional<String> virtualHost() {
        return login.host().name();
    }

    @Override
    public String workingDirectory() {
        return login.workingDirectory();
    }

    @Override
    public Path resolve(String ftpPath) throws IOException {
        return login.jail().resolve(login.workingDirectory(), ftpPath);
    }

    @Override
    public void requirePermission(Permission permission) throws FtpReplyException {
        Account account = login.account();
        if (account == null) {
            throw new FtpReplyException(Reply.of(ReplyCodes.NOT_LOGGED_IN, "Please login with USER and PASS."));
        }
        if (!account.may(permission)) {
            throw new FtpReplyException(Reply.of(ReplyCodes.FILE_UNAVAILABLE, "Permission denied."));
        }
    }

    @Override
    public boolean asciiType() {
        return parameters.asciiType();
    }

    @Override
    public void send(Reply reply) throws IOException {
        control.send(reply);
    }

    @Override
    public DataConnection openDataConnection(String what) throws IOException {
        String type = parameters.asciiType() ? "ASCII" : "BINARY";
        return dataChannels.open("Opening " + type + " mode data connection for " + Texts.oneLine(what) + ".");
    }

    // ---- CommandContext ----

    @Override
    public ServerSettings settings() {
        return settings;
    }

    @Override
    public LoginControl login() {
        return loginControl;
    }

    @Override
    public TransferParameters parameters() {
        return parameters;
    }

    @Override
    public DataConnections dataConnections() {
        return dataChannels;
    }

    @Override
    public TlsControl tls() {
        return tls;
    }

    @Override
    public Optional<RunningTransfer> runningTransfer() {
        return transfers.last().map(RunningTransfer.class::cast);
    }

    @Override
    public String ftpPath(String clientPath) throws IOException {
        return login.jail().normalize(login.workingDirectory(), clientPath);
    }

    @Override
    public JailedPath locate(String clientPath, boolean followFinalLink) throws IOException {
        return login.jail().locate(login.workingDirectory(), clientPath, followFinalLink);
    }

    @Override
    public String ftpPathClampedAtHome(String clientPath) throws IOException {
        return login.jail().normalizeClamped(login.workingDirectory(), clientPath);
    }

    @Override
    public void changeWorkingDirectory(String ftpPath) {
        login.workingDirectory(ftpPath);
    }

    @Override
    public Path checkInsideHome(Path path) throws IOException {
        return login.jail().checkLinks(path);
    }

    @Override
    public boolean linkStaysInside(Path link) {
        return login.jail().linkStaysInside(link);
    }

    @Override
    public void authorize(FileRequest request) throws IOException {
        hooks.beforeFileOperation(this, request);
    }

    @Override
    public void uploadCommitted(UploadEvent event) {
        hooks.afterUpload(this, event);
    }

    @Override
    public void requireClientWaiting() throws IOException {
        transfers.requireClientWaiting();
    }

    @Override
    public StorageQuota quota() {
        return quota;
    }

    @Override
    public void reinitialize() {
        quota = StorageQuota.UNLIMITED;
        login.reset();
        parameters.reset();
        dataChannels.reset();
    }

    @Override
    public void sendRaw(byte[] bytes) throws IOException {
        control.sendRaw(bytes);
    }

    @Override
    public void resetControlConnection() {
        control.reset();
    }

    @Override
    public void closeAfterReply() {
        this.closeAfterReply = true;
    }

    /** USER/PASS state over {@link LoginState}, the host's authenticator, the hooks and the failure policy. */
    private final class Login implements LoginControl {

        @Override
        public Optional<String> pendingUser() {
            return Optional.ofNullable(login.pendingUser());
        }

        @Override
        public void pendingUser(Optional<String> user) {
            login.pendingUser(user.orElse(null));
        }

        @Override
        public void checkAllowed(String user) throws IOException {
            hooks.beforeLogin(client, user);
        }

        @Override
        public Optional<LoginTurn> awaitTurn(String user) throws InterruptedException {
            if (defender.banned(clientAddress().getAddress())) {
                return Optional.empty(); // banned while this session was open: no more guesses on it either
            }
            if (!login.host().authenticator().checkCosts(user)) {
                return Optional.of(LoginTurn.NONE); // the queue bounds hashing: a free check need not wait in it
            }
            return loginThrottle.awaitTurn(client.getAddress(), config.idleTimeout()).map(LoginTurn.class::cast);
        }

        @Override
        public Optional<Account> authenticate(String user, String password) throws IOException {
            return login.host().authenticator().authenticate(user, password, client.getAddress());
        }

        @Override
        public void complete(Account account) throws IOException {
            login.complete(account);
            quota = quotaBook.quotaOf(account, login.jail().home());
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + id + " logged in as " + account.name());
            config.listener().loggedIn(SessionContext.this, account);
        }

        @Override
        public void recordFailure(String user) throws InterruptedException {
            int failures = login.failed();
            config.listener().loginFailed(SessionContext.this, user);
            defender.offence(clientAddress().getAddress(), Defender.Offence.LOGIN_FAILURE);
            // the same delay for an unknown user and a wrong password
            Thread.sleep(config.loginFailureDelay().toMillis());
            if (failures >= config.maxLoginFailures()) {
                closeAfterReply();
            }
        }

        @Override
        public void useHost(VirtualHost host) {
            login.host(new HostContext(Optional.of(host.name()), host.root(), host.authenticator()));
        }
    }
}
