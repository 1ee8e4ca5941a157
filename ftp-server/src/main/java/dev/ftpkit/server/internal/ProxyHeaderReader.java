package dev.ftpkit.server.internal;

import dev.ftpkit.core.ProxyHeader;
import dev.ftpkit.core.ProxyHeaderException;
import dev.ftpkit.core.ProxyHeaderParser;
import dev.ftpkit.server.ProxyProtocolSettings;
import dev.ftpkit.server.internal.data.DataPeers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads the PROXY header a connection begins with: never past its end (the parser says how many bytes are still
 * needed), never more than {@link ProxyHeaderParser#MAX_HEADER_BYTES}, and within one deadline for the whole header
 * (a peer that trickles bytes cannot hold the reader longer).
 */
public final class ProxyHeaderReader {

    private ProxyHeaderReader() {
    }

    /**
     * The client a connection from a trusted proxy stands for.
     *
     * @param socket  the accepted connection, nothing read from it yet
     * @param timeout the deadline for the whole header
     * @return the header's source address, or the connection's own for {@code LOCAL} and {@code UNKNOWN}
     * @throws IOException if no complete, valid header arrived in time
     */
    public static InetSocketAddress clientOf(Socket socket, Duration timeout) throws IOException {
        ProxyHeader header = read(socket, timeout);
        // spec §2.1/§2.2: LOCAL and UNKNOWN mean the connection's own addresses
        return header.source().orElse((InetSocketAddress) socket.getRemoteSocketAddress());
    }

    /**
     * How passive data connections are attributed: by a header when they come from a trusted proxy and the
     * settings say data connections carry one, else by their source address.
     *
     * @param settings the PROXY protocol settings
     * @return the attribution
     */
    public static DataPeers dataPeers(ProxyProtocolSettings settings) {
        if (!settings.dataConnections()) {
            return DataPeers.DIRECT;
        }
        return socket -> settings.trusts(socket.getInetAddress())
                ? clientOf(socket, settings.headerTimeout()).getAddress()
                : socket.getInetAddress();
    }

    static ProxyHeader read(Socket socket, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64];
        int length = 0;
        int previousTimeout = socket.getSoTimeout();
        // each read returns at least one byte, and the parser refuses a header past the bound: at most that many reads
        for (int reads = 0; reads <= ProxyHeaderParser.MAX_HEADER_BYTES; reads++) {
            int needed = ProxyHeaderParser.bytesNeeded(buffer, length);
            if (needed == 0) {
                socket.setSoTimeout(previousTimeout);
                return ProxyHeaderParser.parse(Arrays.copyOf(buffer, length));
            }
            if (length + needed > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length + needed, buffer.length * 2));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no complete PROXY header within " + timeout);
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int n = in.read(buffer, length, needed);
            if (n < 0) {
                throw new EOFException("connection closed before a complete PROXY header");
            }
            length += n;
        }
        throw new ProxyHeaderException("PROXY header longer than " + ProxyHeaderParser.MAX_HEADER_BYTES);
    }
}
