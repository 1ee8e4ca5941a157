package dev.ftpkit.server.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A run of consecutive loopback ports, below the kernel's ephemeral range, that were all free a moment ago. */
public final class FreeRange {

    private FreeRange() {
    }

    public static int start(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20_000, 32_000 - size);
            if (allFree(start, size)) {
                return start;
            }
        }
        throw new IllegalStateException("no free range of " + size + " ports");
    }

    private static boolean allFree(int start, int size) {
        for (int port = start; port < start + size; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
