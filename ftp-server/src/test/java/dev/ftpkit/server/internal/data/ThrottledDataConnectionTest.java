package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.RateLimit;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit is chosen once per data connection: a limited direction goes through the throttle, an unlimited
 * one keeps the plain path (for uploads the socket channel straight into the file).
 */
class ThrottledDataConnectionTest {

    @Test
    void anUnlimitedConnectionKeepsTheFastPathAndALimitedOneIsThrottled() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            SocketDataConnection unlimited = new SocketDataConnection(server, server, false, RateLimit.UNLIMITED, -1,
                    new SendWays(), new DirectBuffers());
            assertThat(unlimited.throttled()).isFalse();
            SocketDataConnection downloadsOnly = new SocketDataConnection(server, server, false,
                    new RateLimit(0, 1000), -1, new SendWays(), new DirectBuffers());
            assertThat(downloadsOnly.throttled()).isFalse();
            SocketDataConnection limited = new SocketDataConnection(server, server, false, RateLimit.of(1000), -1,
                    new SendWays(), new DirectBuffers());
            assertThat(limited.throttled()).isTrue();
            client.getOutputStream().write(new byte[] {1, 2, 3});
            client.shutdownOutput();
            assertThat(limited.input().readAllBytes()).containsExactly(1, 2, 3); // throttled, but whole
        }
    }
}
