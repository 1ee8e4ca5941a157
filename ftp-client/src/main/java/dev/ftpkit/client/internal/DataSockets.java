package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClientConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/** Socket helpers shared by the data-connection strategies. */
final class DataSockets {

    /** The buffer of the MODE Z inflater and deflater (the zlib window is 32 KiB). */
    static final int MODE_Z_BUFFER = 64 * 1024;

    private DataSockets() {
    }

    /** Connects a passive data socket within the connect timeout; reads then time out after the data timeout. */
    static Socket connect(FtpClientConfig config, InetSocketAddress target) throws IOException {
        // The default factory's sockets have no channel; one opened as a channel lets binary file transfers skip
        // the heap (ChannelCopy). A factory of the embedder's is used as it is.
        Socket socket = config.socketFactory() == SocketFactory.getDefault()
                ? SocketChannel.open().socket() : config.socketFactory().createSocket();
        try {
            socket.connect(target, (int) config.connectTimeout().toMillis());
            configure(config, socket);
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    static void configure(FtpClientConfig config, Socket socket) throws IOException {
        socket.setSoTimeout((int) config.dataTimeout().toMillis());
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /** Closes a TCP socket with a reset (SO_LINGER 0) instead of a FIN; null is ignored. */
    static void reset(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed: nothing more to send anyway
        }
        closeQuietly(socket);
    }

    static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
