package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpsConfig;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;

/**
 * Puts TLS over the plain sockets of one control connection and its data connections (RFC 4217). The FTP client is
 * the TLS client on every connection, also in active mode where the server opened the TCP connection
 * (RFC 4217 §7: the roles follow the FTP client and server, not who connected).
 */
final class TlsLayer {

    private static final String TLS13 = "TLSv1.3";

    private final FtpsConfig settings;
    private final String host;
    private final int controlPort;

    TlsLayer(FtpsConfig settings, String host, int controlPort) {
        this.settings = settings;
        this.host = host;
        this.controlPort = controlPort;
    }

    FtpsConfig settings() {
        return settings;
    }

    /**
     * The control connection's TLS socket, handshake done. It does not close the plain socket on close, so that
     * {@code CCC} can go on in plain text; the caller closes both.
     */
    SSLSocket secureControl(Socket plain) throws IOException {
        return handshake(layer(plain, false));
    }

    /**
     * A data connection's TLS socket over the plain one, handshake done, resuming the control connection's
     * session (see {@link LayeredDataSocket}). Closing it closes the plain socket.
     *
     * <p>For a download under TLS 1.3 the client's side is closed at once (close_notify, a half-close TLS 1.3
     * allows, RFC 8446 §6.1): vsftpd sends its close_notify only after reading the client's, so a client that waits
     * for the end of the data before closing would wait forever. Under TLS 1.2 closure is duplex and the client
     * answers the server's close_notify when it comes.
     */
    SSLSocket secureData(Socket plain, boolean download) throws IOException {
        SSLSocket socket = layer(new LayeredDataSocket(plain, controlPort), true);
        try {
            handshake(socket);
            if (download && TLS13.equals(socket.getSession().getProtocol())) {
                socket.shutdownOutput();
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            DataSockets.closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Ends an upload's data connection under TLS 1.3 the orderly way (RFC 8446 §6.1): close_notify, then read until
     * the server's close_notify. Reading also takes in the session tickets the server sent after the handshake;
     * JSSE uses a TLS 1.3 ticket once, so a client that never read them would have nothing left to resume the next
     * data connection with, and vsftpd would refuse it ({@code 522}). Under TLS 1.2 closing is enough. Failures
     * are left to the transfer's final reply to judge; the read is bounded by the data timeout.
     */
    static void finishUpload(Socket socket) {
        if (!(socket instanceof SSLSocket secure) || !TLS13.equals(secure.getSession().getProtocol())) {
            return;
        }
        try {
            secure.shutdownOutput();
            byte[] drain = new byte[512];
            // Bounded: the server sends no data on an upload's connection; a misbehaving one is cut off after 64 KiB.
            for (int total = 0; total < 64 * 1024; ) {
                int n = secure.getInputStream().read(drain);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException ignored) {
            // the data went out; the server's final reply says whether it arrived
        }
    }

    private SSLSocket layer(Socket plain, boolean autoClose) throws IOException {
        SSLSocket socket = (SSLSocket) settings.sslContext().getSocketFactory()
                .createSocket(plain, host, controlPort, autoClose);
        socket.setUseClientMode(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(settings.protocols().toArray(String[]::new));
        if (settings.hostnameVerification()) {
            // RFC 4217 §15.1 leaves the check to the client; RFC 2818 §3.1 rules, as HTTPS clients use.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static SSLSocket handshake(SSLSocket socket) throws IOException {
        socket.startHandshake();
        return socket;
    }
}
