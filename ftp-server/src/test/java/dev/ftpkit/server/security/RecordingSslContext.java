package dev.ftpkit.server.security;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server {@link SSLContext} that lets a test see the server side of each TLS connection: the sockets layered
 * over accepted connections, by the client's port. An attack test uses it to pick, among its own connections,
 * one whose server-side session shares a property with the victim's (JSSE's clock has millisecond resolution).
 */
final class RecordingSslContext extends SSLContext {

    private final Recorder recorder;

    private RecordingSslContext(Recorder recorder, SSLContext real) {
        super(recorder, real.getProvider(), real.getProtocol());
        this.recorder = recorder;
    }

    static RecordingSslContext wrapping(SSLContext real) {
        return new RecordingSslContext(new Recorder(real), real);
    }

    /** The server-side session of the TLS connection whose client used {@code clientPort}, once negotiated. */
    Optional<SSLSession> serverSessionOf(int clientPort) {
        return Optional.ofNullable(recorder.sockets.get(clientPort)).map(SSLSocket::getSession);
    }

    private static final class Recorder extends SSLContextSpi {
        private final SSLContext real;
        private final Map<Integer, SSLSocket> sockets = new ConcurrentHashMap<>();

        Recorder(SSLContext real) {
            this.real = real;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw new UnsupportedOperationException("already initialized");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            SSLSocketFactory factory = real.getSocketFactory();
            return new SSLSocketFactory() {
                @Override
                public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                    SSLSocket socket = (SSLSocket) factory.createSocket(s, host, port, autoClose);
                    sockets.put(s.getPort(), socket);
                    return socket;
                }

                @Override
                public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
                    return factory.createSocket(s, consumed, autoClose);
                }

                @Override
                public String[] getDefaultCipherSuites() {
                    return factory.getDefaultCipherSuites();
                }

                @Override
                public String[] getSupportedCipherSuites() {
                    return factory.getSupportedCipherSuites();
                }

                @Override
                public Socket createSocket(String host, int port) throws IOException {
                    return factory.createSocket(host, port);
                }

                @Override
                public Socket createSocket(String host, int port, InetAddress local, int localPort)
                        throws IOException {
                    return factory.createSocket(host, port, local, localPort);
                }

                @Override
                public Socket createSocket(InetAddress host, int port) throws IOException {
                    return factory.createSocket(host, port);
                }

                @Override
                public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                        throws IOException {
                    return factory.createSocket(address, port, local, localPort);
                }
            };
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real.getSupportedSSLParameters();
        }
    }
}
