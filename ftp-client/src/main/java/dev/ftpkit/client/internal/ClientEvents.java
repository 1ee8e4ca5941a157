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

    /*
     * Each event calls the embedder's listener in a try of its own rather than through a lambda: a command-line
     * client lives for one transfer, and in its fresh JVM the first run of each lambda's call site links it, which
     * costs far more than the call. An upload runs seven of these events; without their lambdas, and with FeatureSet
     * searched by loops instead of streams, a one-byte `ftpkit put` took about 7 ms less (Java 17, 31 runs).
     */
    private static void ignored(String event, RuntimeException failure) {
        LOG.log(System.Logger.Level.WARNING, "client listener failed on " + event + "; ignored", failure);
    }

    @Override
    public void connected(InetSocketAddress server, InetSocketAddress local) {
        this.server = server;
        this.local = local;
        jfr().connected(server, local);
        try {
            embedder.connected(server, local);
        } catch (RuntimeException e) {
            ignored("connected", e);
        }
    }

    @Override
    public void connectFailed(IOException failure) {
        jfr().connectFailed(failure);
        try {
            embedder.connectFailed(failure);
        } catch (RuntimeException e) {
            ignored("connectFailed", e);
        }
    }

    @Override
    public void commandSent(Command command) {
        try {
            embedder.commandSent(command);
        } catch (RuntimeException e) {
            ignored("commandSent", e);
        }
    }

    @Override
    public void commandAnswered(Command command, Reply reply) {
        try {
            embedder.commandAnswered(command, reply);
        } catch (RuntimeException e) {
            ignored("commandAnswered", e);
        }
    }

    @Override
    public void commandFailed(Command command, IOException failure) {
        try {
            embedder.commandFailed(command, failure);
        } catch (RuntimeException e) {
            ignored("commandFailed", e);
        }
    }

    @Override
    public void loggedIn(String user) {
        jfr().loggedIn(user);
        try {
            embedder.loggedIn(user);
        } catch (RuntimeException e) {
            ignored("loggedIn", e);
        }
    }

    @Override
    public void loginFailed(String user, IOException failure) {
        jfr().loginFailed(user, failure);
        try {
            embedder.loginFailed(user, failure);
        } catch (RuntimeException e) {
            ignored("loginFailed", e);
        }
    }

    @Override
    public void transferStarted(Command command, TransferProgress.Direction direction) {
        jfr().transferStarted(command, direction);
        try {
            embedder.transferStarted(command, direction);
        } catch (RuntimeException e) {
            ignored("transferStarted", e);
        }
    }

    @Override
    public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean success) {
        jfr().transferEnded(command, direction, bytes, success);
        try {
            embedder.transferEnded(command, direction, bytes, success);
        } catch (RuntimeException e) {
            ignored("transferEnded", e);
        }
    }

    @Override
    public void closed() {
        jfr().closed();
        try {
            embedder.closed();
        } catch (RuntimeException e) {
            ignored("closed", e);
        }
    }
}
