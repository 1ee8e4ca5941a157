package dev.ftpkit.server.internal.session;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.CommandParser;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandVerdict;
import dev.ftpkit.server.SessionInfo;
import dev.ftpkit.server.TransferEvent;
import dev.ftpkit.server.internal.ControlConnection;
import dev.ftpkit.server.internal.ErrorMapper;
import dev.ftpkit.server.internal.ProtocolLog;
import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.ServerResources;
import dev.ftpkit.server.internal.data.Transfer;
import dev.ftpkit.server.internal.data.TransferRunner;
import dev.ftpkit.server.internal.limits.AbuseWatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One client session's loop: reads commands from the control connection, parses them and dispatches them through
 * the registry, with the session's state in its {@link SessionContext}. Transfer commands run on their own thread
 * ({@code TransferRunner}) so that ABOR, STAT and NOOP can be handled while they run; any other command waits for
 * the transfer's final reply.
 */
public final class Session implements Runnable {

    private static final System.Logger LOG = System.getLogger(ProtocolLog.SESSION_LOGGER);
    /** Made before they are needed: when the heap is exhausted there may be no memory left to make them. */
    private static final Reply OUT_OF_MEMORY = Reply.of(ReplyCodes.ACTION_ABORTED_LOCAL_ERROR,
            "Local error: out of memory; closing the session.");
    private static final Reply SHUTTING_DOWN = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Server shutting down.");
    private static final Reply LOW_ON_MEMORY = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE,
            "Server low on memory; closing the session.");
    private static final Reply BANNED = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE,
            "Too many failures from your address; try again later.");
    private static final Reply CLOSED_BY_ADMINISTRATOR = Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE,
            "Session closed by the administrator.");

    private final ServerConfig config;
    private final ControlConnection control;
    private final SessionContext context;
    private final boolean implicitTls;
    private final Consumer<Session> ended;
    private final AbuseWatch abuse;
    /** What the client is told when the session closes on the server's initiative. */
    private volatile Reply farewell = SHUTTING_DOWN;
    private final Instant connectedAt = Instant.now();
    /** The command being handled on the session thread, null while waiting for the next (for admin snapshots). */
    private volatile Command current;
    /** Lines refused as too long since the last good one. */
    private int tooLongInARow;
    private static final int MAX_TOO_LONG_IN_A_ROW = 3;

    /**
     * A session on an accepted control connection.
     *
     * @param client the client's address: the connection's source, or what its PROXY header named
     */
    public Session(ServerConfig config, ServerResources shared, Socket socket, InetSocketAddress client, String id,
            boolean implicitTls, Consumer<Session> ended) {
        this.config = config;
        this.implicitTls = implicitTls;
        this.ended = ended;
        this.control = new ControlConnection(socket, client, config.maxLineBytes());
        this.context = new SessionContext(id, client,
                (InetSocketAddress) socket.getLocalSocketAddress(), config, control, shared);
        control.onSent(reply -> config.listener().replySent(context, reply));
        this.abuse = new AbuseWatch(shared.defender(), context);
        control.charset(context.parameters().nameCharset());
    }

    /**
     * The session's id.
     *
     * @return the id, unique within the server
     */
    public String id() {
        return context.id();
    }

    /**
     * What an admin console shows of this session now.
     *
     * @return a snapshot
     */
    public SessionInfo info() {
        Command command = current;
        Transfer transfer = context.transfers().current();
        Optional<SessionInfo.Transfer> running = transfer != null && !transfer.done()
                ? Optional.of(new SessionInfo.Transfer(transfer.verb(), transfer.argument(), transfer.bytes()))
                : Optional.empty();
        String shown = command != null ? command.toString()
                : running.map(t -> Command.of(t.verb(), t.path()).toString()).orElse("");
        return new SessionInfo(context.id(), context.clientAddress(), context.account().map(Account::name),
                connectedAt, shown, running);
    }

    /** Closes the session for an administrator: 421 at once, or, while a transfer runs, 426 and then 421. */
    public void closeByAdministrator() {
        farewell = CLOSED_BY_ADMINISTRATOR;
        if (context.transfers().running()) {
            context.closing(true);
            context.transfers().abort(); // the transfer thread answers 426, then 421 and closes (runTransfer)
            return;
        }
        // the 421 first: a session thread that sees the session closing ends and closes the connection, and had
        // it done so before this write, the 421 was lost (SessionAdministrationTest, once, on a busy machine)
        control.sendQuietly(farewell);
        context.closing(true);
        control.close();
    }

    /** The client's end of the control connection. */
    public InetSocketAddress clientAddress() {
        return context.clientAddress();
    }

    @Override
    public void run() {
        InetSocketAddress client = context.clientAddress();
        Thread.currentThread().setName("ftpkit-session-" + client.getAddress().getHostAddress() + ":" + client.getPort());
        try {
            control.open();
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + context.id() + " " + ProtocolLog.peer(client)
                    + " connected");
            config.listener().connected(context);
            if (context.defender().banned(context.clientAddress().getAddress())) {
                if (!implicitTls) { // a plaintext 421 would only confuse a TLS client
                    control.sendQuietly(BANNED);
                }
                return;
            }
            if (implicitTls) {
                context.sessionTls().startImplicit(control, config.tls().orElseThrow(), config.lineTimeout());
            }
            control.send(Reply.of(ReplyCodes.SERVICE_READY, config.greeting()));
            loop();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + context.id() + " ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session " + context.id() + " failed", e);
        } finally {
            context.transfers().abort();
            context.channels().close();
            control.close();
            ended.accept(this);
            config.listener().disconnected(context);
        }
    }

    private void loop() throws IOException {
        while (!context.closeRequested() && !context.closing()) {
            byte[] line;
            try {
                line = control.readLine(config.idleTimeout(), config.lineTimeout());
            } catch (SocketTimeoutException e) {
                if (context.transfers().running() && !control.midLine()) {
                    continue; // a long transfer is not idleness
                }
                control.sendQuietly(Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, "Timeout."));
                return;
            } catch (FtpProtocolException tooLong) {
                abuse.lineTooLong(); // counted before the reply: a client that reconnects at once is judged with it
                control.send(Reply.of(ReplyCodes.SYNTAX_ERROR, "Input line too long."));
                if (++tooLongInARow >= MAX_TOO_LONG_IN_A_ROW) {
                    return; // not an FTP client (vsftpd closes after the first)
                }
                continue;
            }
            if (line == null) {
                return;
            }
            tooLongInARow = 0;
            Command command;
            try {
                // RFC 2640 §2.2: UTF-8 names, or the configured charset of older clients until OPTS UTF8 ON
                command = CommandParser.parse(line, context.parameters().nameCharset());
            } catch (FtpProtocolException e) {
                control.send(Reply.of(ReplyCodes.SYNTAX_ERROR, "Syntax error, command unrecognized."));
                continue;
            }
            ProtocolLog.received(context.clientAddress(), command);
            config.listener().commandReceived(context, command);
            current = command;
            dispatch(command);
            current = null;
            control.charset(context.parameters().nameCharset()); // OPTS UTF8 ON switches the replies after its own
            context.sessionTls().afterReply(control, config);
        }
        // Asked to close (a reply such as QUIT's or a 421) or closing (shutdown, out of memory): when a transfer's
        // thread asked it, that thread still sends the transfer's reply and the farewell, and closes the connection
        // itself. Closing here first lost them (a 421 injected on STOR: the client saw the connection end, 2 times
        // in 400; an out-of-memory transfer's 421 once in a CI run).
        context.transfers().awaitRunning();
    }

    private void dispatch(Command command) throws IOException {
        CommandDescriptor descriptor = config.commands().get(command.verb()).orElse(null);
        if (descriptor == null || !descriptor.allowedDuringTransfer()) {
            context.transfers().awaitRunning();
        }
        if (context.closing()) {
            return;
        }
        if (descriptor == null) {
            reply(command, KnownVerbs.unregistered(command.verb()));
            return;
        }
        if (descriptor.needsLogin() && !context.loggedIn()) {
            reply(command, Reply.of(ReplyCodes.NOT_LOGGED_IN, "Please login with USER and PASS."));
            return;
        }
        context.forgetRenameUnless(command.verb());
        CommandVerdict verdict;
        try {
            verdict = context.hooks().beforeCommand(context, command);
        } catch (HookFailedException e) {
            reply(command, ErrorMapper.toReply(e, command.verb()));
            return;
        }
        if (verdict.denial().isPresent()) {
            reply(command, verdict.denial().get());
            return;
        }
        UnaryOperator<Reply> rewrite = verdict.rewrite();
        if (descriptor.transfer()) {
            abuse.transferStarted();
            context.transfers().start(command, transfer -> runTransfer(transfer, command, descriptor, rewrite));
        } else {
            reply(command, rewritten(invoke(descriptor, command), rewrite, command));
        }
    }

    /** The body of a transfer thread: the handler, the listener's event, the final reply. */
    private void runTransfer(Transfer t, Command command, CommandDescriptor descriptor, UnaryOperator<Reply> rewrite) {
        try {
            long started = System.nanoTime();
            Reply reply = invoke(descriptor, command);
            if (t.aborted() && !reply.code().isPositiveCompletion()) {
                reply = Reply.of(ReplyCodes.TRANSFER_ABORTED, "Connection closed; transfer aborted.");
            }
            reply = rewritten(reply, rewrite, command);
            if (t.started()) {
                // before the final reply, so the event is seen before the client can go on
                config.listener().transferEnded(context, new TransferEvent(command.verb(), command.argument(),
                        t.bytes(), Duration.ofNanos(System.nanoTime() - started),
                        reply.code().isPositiveCompletion()));
            }
            reply(command, reply);
        } catch (IOException | OutOfMemoryError e) {
            // no reply could be sent, or no memory was left to send it: the session cannot go on
            control.close();
        } finally {
            try {
                if (context.closing()) {
                    control.sendQuietly(farewell);
                    control.close();
                } else if (context.closeRequested()) {
                    control.close(); // asked to close after the reply; the session thread may wait for a command
                }
            } finally {
                // whatever happened: the session thread waits for this, and closes the connection only after it
                t.finished();
            }
        }
    }

    /** The final reply as a hook's rewrite made it; a failing rewrite answers 451. */
    private static Reply rewritten(Reply reply, UnaryOperator<Reply> rewrite, Command command) {
        try {
            return rewrite.apply(reply);
        } catch (HookFailedException e) {
            return ErrorMapper.toReply(e, command.verb());
        }
    }

    /** Runs a command's handler; whatever it throws becomes a reply (ErrorMapper). */
    private Reply invoke(CommandDescriptor descriptor, Command command) {
        try {
            Reply reply = descriptor.handler().handle(command, context);
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
            context.closing(true);
            return OUT_OF_MEMORY;
        }
    }

    /** Sends a command's reply and tells the listener. */
    private void reply(Command command, Reply reply) throws IOException {
        if (current == command) {
            current = null; // answered: a snapshot taken after the client saw the reply shows the session idle
        }
        abuse.replied(command, reply);
        control.send(reply);
        config.listener().commandHandled(context, command, reply);
    }

    // ---- graceful shutdown (called from the server's thread) ----

    /** Sends 421 and closes unless a transfer runs; a running transfer closes the session when it ends. */
    public void requestShutdown() {
        context.closing(true);
        if (!context.transfers().running()) {
            control.sendQuietly(SHUTTING_DOWN);
            control.close();
        }
    }

    /**
     * Called by the server's watchdog about once a second: closes a session whose client stopped reading replies
     * (a pipelined flood) and aborts a transfer that made no progress for the data timeout.
     */
    public void watchdog(long now) {
        if (control.blockedWriteNanos() > config.idleTimeout().toNanos()) {
            forceClose();
            return;
        }
        context.transfers().abortIfStalled(now);
    }

    /** Aborts whatever runs and closes the control connection. */
    public void forceClose() {
        context.closing(true);
        context.transfers().abort();
        control.close();
    }
}
