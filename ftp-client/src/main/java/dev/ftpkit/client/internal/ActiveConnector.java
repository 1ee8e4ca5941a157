package dev.ftpkit.client.internal;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.ExtendedAddress;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.NetworkProtocol;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Active data connections: the client listens on the control connection's local address and sends PORT
 * (RFC 959 §4.1.2) for IPv4 or EPRT (RFC 2428 §2) for IPv6; only a connection from the server's address is
 * accepted, within the connect timeout.
 */
final class ActiveConnector implements DataConnector {

    private static final System.Logger LOG = System.getLogger(ActiveConnector.class.getName());

    private final FtpClientConfig config;
    private final DataConnectionMode.Active mode;
    private final ControlConnection control;

    ActiveConnector(FtpClientConfig config, DataConnectionMode.Active mode, ControlConnection control) {
        this.config = config;
        this.mode = mode;
        this.control = control;
    }

    @Override
    public PendingData prepare() throws IOException {
        ServerSocket listener = listen();
        try {
            InetAddress advertised = mode.advertisedAddress().orElse(control.localAddress());
            int port = listener.getLocalPort();
            Command command = advertised instanceof Inet4Address
                    ? Command.of("PORT", new HostPort(advertised, port).toPortArgument())
                    : Command.of("EPRT", new ExtendedAddress(NetworkProtocol.IPV6, advertised, port).toEprtArgument());
            Reply reply = control.execute(command);
            if (!reply.code().isPositiveCompletion()) {
                throw new FtpReplyException(command.verb(), reply);
            }
        } catch (IOException | RuntimeException e) {
            DataSockets.closeQuietly(listener);
            throw e;
        }
        return new PendingData() {
            @Override
            public Socket socket() throws IOException {
                try {
                    return accept(listener);
                } finally {
                    DataSockets.closeQuietly(listener);
                }
            }

            @Override
            public void close() {
                DataSockets.closeQuietly(listener);
            }
        };
    }

    private ServerSocket listen() throws IOException {
        InetAddress local = control.localAddress();
        if (mode.minPort() == 0) {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(local, 0), 1);
            return listener;
        }
        int span = mode.maxPort() - mode.minPort() + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        BindException last = null;
        for (int i = 0; i < span; i++) {
            int port = mode.minPort() + (start + i) % span;
            ServerSocket listener = new ServerSocket();
            try {
                listener.bind(new InetSocketAddress(local, port), 1);
                return listener;
            } catch (BindException e) {
                DataSockets.closeQuietly(listener);
                last = e;
            }
        }
        throw new BindException("no free port in the active range " + mode.minPort() + ".." + mode.maxPort()
                + (last == null ? "" : ": " + last.getMessage()));
    }

    private Socket accept(ServerSocket listener) throws IOException {
        long timeoutNanos = config.connectTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        InetAddress server = control.remoteAddress();
        // Bounded by the deadline: each accept waits at most the time that is left.
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("the server did not open the active data connection within "
                        + config.connectTimeout().toMillis() + " ms");
            }
            listener.setSoTimeout((int) Math.max(1, leftMillis));
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (socket.getInetAddress().equals(server)) {
                DataSockets.configure(config, socket);
                return socket;
            }
            // Only the server may connect: anyone else could inject or steal data (RFC 2577 §3 spirit).
            LOG.log(Level.WARNING, "refused an active data connection from {0}, expected {1}",
                    socket.getInetAddress().getHostAddress(), server.getHostAddress());
            DataSockets.closeQuietly(socket);
        }
    }
}
