package dev.ftpkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for peer programs that, unlike our own listeners, cannot bind port 0 and report it. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice for port 0). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
