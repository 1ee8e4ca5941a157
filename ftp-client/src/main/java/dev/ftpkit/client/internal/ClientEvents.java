package dev.ftpkit.client.internal;

import dev.ftpkit.client.ClientListener;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The listeners of one connection: the JFR events first, then the embedder's listener, whose failures are logged
 * and ignored so that a broken listener never breaks a transfer.
 */
final class ClientEvents implements ClientListener {

    private static final System.Logger LOG = System.getLogger(ClientEvents.class.getName());

    private final ClientJfr jfr = new ClientJfr();
    private final ClientListener embedder;

    private ClientEvents(ClientListener embedder) {
        this.embedder = embedder;
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
        jfr.connected(server, local);
        tell("connected", () -> embedder.connected(server, local));
    }

    @Override
    public void connectFailed(IOException failure) {
        jfr.connectFailed(failure);
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
        jfr.loggedIn(user);
        tell("loggedIn", () -> embedder.loggedIn(user));
    }

    @Override
    public void loginFailed(String user, IOException failure) {
        jfr.loginFailed(user, failure);
        tell("loginFailed", () -> embedder.loginFailed(user, failure));
    }

    @Override
    public void transferStarted(Command command, TransferProgress.Direction direction) {
        jfr.transferStarted(command, direction);
        tell("transferStarted", () -> embedder.transferStarted(command, direction));
    }

    @Override
    public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean success) {
        jfr.transferEnded(command, direction, bytes, success);
        tell("transferEnded", () -> embedder.transferEnded(command, direction, bytes, success));
    }

    @Override
    public void closed() {
        jfr.closed();
        tell("closed", embedder::closed);
    }
}
