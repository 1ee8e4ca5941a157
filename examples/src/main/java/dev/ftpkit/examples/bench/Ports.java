package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, for servers (vsftpd) that cannot listen on port 0 and report the port. */
final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago; the caller retries when another process takes it first. */
    static int pickFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
