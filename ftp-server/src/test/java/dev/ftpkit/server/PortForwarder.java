package dev.ftpkit.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A one-connection TCP forwarder, standing in for a NAT's port forwarding in tests. */
final class PortForwarder implements Closeable {

    private final ServerSocket listener;

    PortForwarder(int targetPort) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(10_000);
        Thread thread = new Thread(() -> forward(targetPort), "forwarder-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void forward(int targetPort) {
        try (ServerSocket l = listener; Socket outside = l.accept(); Socket inside = new Socket()) {
            inside.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            Thread back = new Thread(() -> pump(inside, outside), "forwarder-back");
            back.setDaemon(true);
            back.start();
            pump(outside, inside);
            back.join(10_000);
        } catch (IOException | InterruptedException ignored) {
            // the test sees the failed transfer
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
