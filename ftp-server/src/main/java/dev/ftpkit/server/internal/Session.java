package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.CommandParser;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.SessionInfo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One client session: reads commands from the control connection, dispatches them through the registry, and
 * is the {@link FtpSession} view handlers and listeners get. Its state lives in typed parts: {@code LoginState},
 * {@code CommandParameters}, {@code DataChannels}, {@code SessionTls}. Transfer commands run on their own thread
 * ({@code TransferRunner}) so that ABOR, STAT and NOOP can be handled while they run; any other command waits
 * for the transfer's final reply.
 */
public final class Session implements FtpSession, Runnable {

    private static final System.Logger LOG = System.getLogger(ProtocolLog.SESSION_LOGGER);
    /** Made before they are needed: when the heap is exhausted there may be no memory left to make them. */
    private static final Reply OUT_OF_MEMORY = Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR,
            "Local error: out of memory; closing the session.");
    private static final Reply SHUTTING_DOWN = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Server shutting down.");
    private static final Reply CLOSED_BY_ADMINISTRATOR = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE,
            "Session closed by the administrator.");
    private static final Reply LOW_ON_MEMORY = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE,
            "Server low on memory; closing the session.");

    private final ServerRuntime server;
    private final ServerConfig config;
    private final ControlConnection control;
    private final String id;
    private final InetSocketAddress client;
    private final InetSocketAddress local;

    // session state (RFC 959 §5.4 sequencing lives in these fields and the types they hold)
    private final LoginState login;
    private final CommandParameters parameters = new CommandParameters();
    private boolean closeAfterReply;
    private final boolean implicitTls;
    private final SessionTls tls;
    private final DataChannels dataChannels;
    private final TransferRunner transfers;
    private volatile boolean closing;
    private final java.time.Instant connectedAt = java.time.Instant.now();
    /** The command being handled on the session thread, null while waiting for the next (for admin snapshots). */
    private volatile Command current;
    /** What the client is told when the session closes on the server's initiative. */
    private volatile Reply farewell = SHUTTING_DOWN;
    /** Lines refused as too long since the last good one. */
    private int tooLongInARow;
    private static final int MAX_TOO_LONG_IN_A_ROW = 3;

    Session(ServerRuntime server, Socket socket, String id, boolean implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
        this.config = server.config();
        this.id = id;
        this.client = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        this.control = new ControlConnection(socket, config.maxLineBytes());
        this.login = new LoginState(new HostContext(Optional.empty(), config.root(), config.authenticator()));
        this.tls = new SessionTls(id);
        this.dataChannels = new DataChannels(this, config, control, tls);
        this.transfers = new TransferRunner(this, config, control);
    }

    @Override
    public void run() {
        Thread.currentThread().setName("ftpkit-session-" + client.getAddress().getHostAddress() + ":" + client.getPort());
        try {
            control.open();
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + id + " " + ProtocolLog.peer(client) + " connected");
            config.listener().connected(this);
            if (implicitTls) {
                tls.startImplicit(control, config.tls().orElseThrow(), config.lineTimeout());
            }
            control.send(Reply.of(ReplyCodes.SERVICE_READY, config.greeting()));
            loop();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + id + " ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session " + id + " failed", e);
        } finally {
            transfers.abort();
            dataChannels.close();
            control.close();
            server.sessionEnded(this);
            config.listener().disconnected(this);
        }
    }

    private void loop() throws IOException {
        while (!closeAfterReply && !closing) {
            byte[] line;
            try {
                line = control.readLine(config.idleTimeout(), config.lineTimeout());
            } catch (SocketTimeoutException e) {
                if (transfers.running() && !control.midLine()) {
                    continue; // a long transfer is not idleness
                }
                control.sendQuietly(Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Timeout."));
                return;
            } catch (FtpProtocolException tooLong) {
                control.send(Reply.of(ReplyCodes.SYNTAX_ERROR, "Input line too long."));
                if (++tooLongInARow >= MAX_TOO_LONG_IN_A_ROW) {
                    return; // not an FTP client (vsftpd closes after the first)
                }
                continue;
            }
            tooLongInARow = 0;
            if (line == null) {
                return;
            }
            Command command;
            try {
                command = CommandParser.parse(line, StandardCharsets.UTF_8);
            } catch (FtpProtocolException e) {
                control.send(Reply.of(ReplyCodes.SYNTAX_ERROR, "Syntax error, command unrecognized."));
                continue;
            }
            ProtocolLog.received(client, command);
            current = command;
            dispatch(command);
            current = null;
            tls.afterReply(control, config);
        }
    }

    private void dispatch(Command command) throws IOException {
        CommandDescriptor descriptor = config.commands().get(command.verb()).orElse(null);
        if (descriptor == null || !descriptor.allowedDuringTransfer()) {
            transfers.awaitRunning();
        }
        if (closing) {
            return;
        }
        if (descriptor == null) {
            reply(command, KnownVerbs.unregistered(command.verb()));
            return;
        }
        if (descriptor.needsLogin() && !loggedIn()) {
            reply(command, Reply.of(ReplyCodes.NOT_LOGGED_IN, "Please login with USER and PASS."));
            return;
        }
        if (parameters.renameFrom() != null && !command.verb().equals("RNTO")) {
            parameters.renameFrom(null); // RFC 959 §4.1.3: RNTO must immediately follow RNFR
        }
        if (descriptor.transfer()) {
            transfers.start(command, descriptor);
        } else {
            reply(command, invoke(descriptor, command));
        }
    }

    /** Runs a command's handler; whatever it throws becomes a reply (ErrorMapper). */
    Reply invoke(CommandDescriptor descriptor, Command command) {
        try {
            Reply reply = descriptor.handler().handle(command, this);
            if (reply == null) {
                throw new IllegalStateException("handler of " + command.verb() + " returned no reply");
            }
            return reply;
        } catch (Exception e) {
            return ErrorMapper.toReply(e, command.verb());
        } catch (LinkageError | AssertionError e) {
            return ErrorMapper.toReply(e, command.verb());
        } catch (OutOfMemoryError e) {
            // the command's own memory is garbage now; this session ends after the 451, the others go on
            farewell = LOW_ON_MEMORY;
            closing = true;
            return OUT_OF_MEMORY;
        }
    }

    /** Sends a command's reply and tells the listener. */
    void reply(Command command, Reply reply) throws IOException {
        if (current == command) {
            current = null; // answered: a snapshot taken after the client saw the reply shows the session idle
        }
        control.send(reply);
        config.listener().commandHandled(this, command, reply);
    }

    // ---- graceful shutdown (called from the server's thread) ----

    /** Sends 421 and closes unless a transfer runs; a running transfer closes the session when it ends. */
    void requestShutdown() {
        closing = true;
        if (!transfers.running()) {
            control.sendQuietly(SHUTTING_DOWN);
            control.close();
        }
    }

    /**
     * Called by the server's watchdog about once a second: closes a session whose client stopped reading replies
     * (a pipelined flood) and aborts a transfer that made no progress for the data timeout.
     */
    void watchdog(long now) {
        if (control.blockedWriteNanos() > config.idleTimeout().toNanos()) {
            forceClose();
            return;
        }
        transfers.abortIfStalled(now);
    }

    /** What an admin console shows of this session now. */
    SessionInfo info() {
        Command command = current;
        Transfer transfer = transfers.current();
        Optional<SessionInfo.Transfer> running = transfer != null && !transfer.isDone()
                ? Optional.of(new SessionInfo.Transfer(transfer.verb(), transfer.argument(), transfer.bytes()))
                : Optional.empty();
        String shown = command != null ? command.toString()
                : running.map(t -> Command.of(t.verb(), t.path()).toString()).orElse("");
        return new SessionInfo(id, client, account().map(Account::name), connectedAt, shown, running);
    }

    /** Closes the session for an administrator: 421 at once, or, while a transfer runs, 426 and then 421. */
    void closeByAdministrator() {
        farewell = CLOSED_BY_ADMINISTRATOR;
        closing = true;
        if (transfers.running()) {
            transfers.abort(); // the transfer thread answers 426, then 421 and closes (TransferRunner)
            return;
        }
        control.sendQuietly(farewell);
        control.close();
    }

    /** Aborts whatever runs and closes the control connection. */
    void forceClose() {
        closing = true;
        transfers.abort();
        control.close();
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

    /**
     * Resolves a client path for an operation that must use exactly what the jail checked (see
     * {@link FileJail#locate}); the caller closes the result.
     */
    JailedPath locate(String ftpPath, boolean followFinalLink) throws IOException {
        return login.jail().locate(login.workingDirectory(), ftpPath, followFinalLink);
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

    // ---- state for the built-in handlers ----

    ServerConfig config() {
        return config;
    }

    ServerRuntime server() {
        return server;
    }

    /** Host, USER, account, jail, working directory and failed attempts. */
    LoginState loginState() {
        return login;
    }

    /** TYPE, REST, RNFR and the HASH algorithm. */
    CommandParameters parameters() {
        return parameters;
    }

    boolean loggedIn() {
        return login.account() != null;
    }

    /** Completes a login and tells the listener. */
    void login(Account newAccount) throws IOException {
        login.complete(newAccount);
        LOG.log(System.Logger.Level.DEBUG, () -> "session " + id + " logged in as " + newAccount.name());
        config.listener().loggedIn(this, newAccount);
    }

    /** Forgets the login and every transfer parameter (REIN, RFC 959 §4.1.1). */
    void reinitialize() {
        login.reset();
        parameters.reset();
        dataChannels.reset();
    }

    FileJail jail() {
        return login.jail();
    }

    /** The absolute FTP path a client path names, e.g. for a 257 reply. */
    String ftpPath(String clientPath) throws IOException {
        return login.jail().normalize(login.workingDirectory(), clientPath);
    }

    void workingDirectory(String normalized) {
        login.workingDirectory(normalized);
    }

    /** The transfer thread: the running transfer, ABOR and STAT look at it. */
    TransferRunner transfers() {
        return transfers;
    }

    /** Whether the server is shutting down or closed this session. */
    boolean closing() {
        return closing;
    }

    /** The 421 to send when the session closes on the server's initiative (shutdown, exhausted heap, admin). */
    Reply farewell() {
        return farewell;
    }

    /** The next data connection: PASV/EPSV or PORT/EPRT, EPSV ALL, opening it with 150. */
    DataChannels dataChannels() {
        return dataChannels;
    }

    /** The FTPS state: AUTH, PBSZ, PROT, CCC and the data connections' TLS. */
    SessionTls tls() {
        return tls;
    }

    /** Closes the connection after the reply to the current command. */
    void closeAfterReply() {
        this.closeAfterReply = true;
    }
}
