package dev.ftpkit.client.internal;

import dev.ftpkit.client.ClientListener;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import jdk.jfr.FlightRecorder;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The listeners of one connection: the JFR events first, then the embedder's listener, whose failures are logged
 * and ignored so that a broken listener never breaks a transfer.
 *
 * <p>The JFR events exist only once the flight recorder does ({@link FlightRecorder#isInitialized()}: a recording was
 * created, {@code -XX:StartFlightRecording}, {@code jcmd JFR.start}). Registering an event type makes JFR set up its
 * metadata and generate its event handlers, about a third of a second of a short {@code ftpkit get}'s start-up; a
 * process that records nothing should not pay for it.
 */
final class ClientEvents implements ClientListener {

    private static final System.Logger LOG = System.getLogger(ClientEvents.class.getName());

    /** {@link ClientJfr} once the flight recorder exists, {@link ClientListener#NONE} before. */
    private ClientListener jfr;
    private final ClientListener embedder;
    /** The connection's ends once connected (a late {@link ClientJfr} learns the server's address from them). */
    private InetSocketAddress server;
    private InetSocketAddress local;

    private ClientEvents(ClientListener embedder) {
        this.embedder = embedder;
        this.jfr = FlightRecorder.isInitialized() ? new ClientJfr(true) : ClientListener.NONE;
    }

    /** The JFR events; made on the first event after the flight recorder appeared (without the session event). */
    private ClientListener jfr() {
        if (jfr == ClientListener.NONE && FlightRecorder.isInitialized()) {
            jfr = new ClientJfr(false);
            if (server != null) {
                jfr.connected(server, local);
            }
        }
        return jfr;
    }

    /** The listeners of a connection about to be opened to {@code host:port}. */
    static ClientEvents of(FtpClientConfig config, String host, int port) {
        return new ClientEvents(config.clientListener().create(host, port));
    }

    private void tell(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "client listener failed on " + event + "; ignored", e);
        }
    }

    @Override
    public void connected(InetSocketAddress server, InetSocketAddress local) {
        this.server = server;
        this.local = local;
        jfr().connected(server, local);
        tell("connected", () -> embedder.connected(server, local));
    }

    @Override
    public void connectFailed(IOException failure) {
        jfr().connectFailed(failure);
        tell("connectFailed", () -> embedder.connectFailed(failure));
    }

    @Override
    public void commandSent(Command command) {
        tell("commandSent", () -> embedder.commandSent(command));
    }

    @Override
    public void commandAnswered(Command command, Reply reply) {
        tell("commandAnswered", () -> embedder.commandAnswered(command, reply));
    }

    @Override
    public void commandFailed(Command command, IOException failure) {
        tell("commandFailed", () -> embedder.commandFailed(command, failure));
    }

    @Override
    public void loggedIn(String user) {
        jfr().loggedIn(user);
        tell("loggedIn", () -> embedder.loggedIn(user));
    }

    @Override
    public void loginFailed(String user, IOException failure) {
        jfr().loginFailed(user, failure);
        tell("loginFailed", () -> embedder.loginFailed(user, failure));
    }

    @Override
    public void transferStarted(Command command, TransferProgress.Direction direction) {
        jfr().transferStarted(command, direction);
        tell("transferStarted", () -> embedder.transferStarted(command, direction));
    }

    @Override
    public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean success) {
        jfr().transferEnded(command, direction, bytes, success);
        tell("transferEnded", () -> embedder.transferEnded(command, direction, bytes, success));
    }

    @Override
    public void closed() {
        jfr().closed();
        tell("closed", embedder::closed);
    }
}
