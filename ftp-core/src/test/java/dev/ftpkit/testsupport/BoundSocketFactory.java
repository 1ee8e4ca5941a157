package dev.ftpkit.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * Sockets bound to one local loopback address before they connect, so a client in a test can be "another host"
 * (127.0.0.3) to servers on 127.0.0.1 and 127.0.0.2; or sockets of a test's own kind ({@link #making}).
 */
public final class BoundSocketFactory extends SocketFactory {

    private final InetAddress local;
    private final Supplier<Socket> maker;

    private BoundSocketFactory(InetAddress local, Supplier<Socket> maker) {
        this.local = local;
        this.maker = maker;
    }

    /**
     * A factory whose sockets come from the given address.
     *
     * @param localAddress a loopback literal, e.g. {@code "127.0.0.3"}
     * @return the factory
     * @throws IOException if the literal does not parse
     */
    public static SocketFactory from(String localAddress) throws IOException {
        return new BoundSocketFactory(InetAddress.getByName(localAddress), Socket::new);
    }

    /**
     * A factory whose sockets the test makes (unconnected, e.g. a subclass that watches its streams), bound by the
     * system as any client socket is.
     *
     * @param maker makes each socket
     * @return the factory
     */
    public static SocketFactory making(Supplier<Socket> maker) {
        return new BoundSocketFactory(null, maker);
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = maker.get();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, 0));
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("the local address is the factory's: " + local);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("the local address is the factory's: " + local);
    }
}
