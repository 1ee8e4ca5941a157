package dev.ftpkit.client.internal;

import javax.net.ssl.SSLProtocolException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;

/**
 * The plain data socket as the TLS layer above it sees it: everything is delegated to the real socket, with three
 * differences.
 *
 * <p><b>It reports the control connection's remote port from {@link #getPort()}.</b> JSSE looks up a session to
 * resume in the context's client session cache under the peer host given when the TLS socket is created and the
 * port of the socket it is layered over (JDK 17: {@code SSLSocketImpl.getPeerPort()} asks the underlying socket), not
 * the port passed to {@code createSocket(socket, host, port, autoClose)}. A data connection layered over its real
 * socket (another port) would never resume the control session, and servers requiring reuse (vsftpd's default
 * {@code require_ssl_reuse}) refuse it with {@code 522}. Reporting the control port makes the lookup find the control
 * connection's session; nothing else reads this port.
 *
 * <p><b>It does not half-close TCP</b> when the TLS layer half-closes (see {@link #shutdownOutput()}).
 *
 * <p><b>Its input fails at the end of the TCP stream.</b> JSSE treats a TCP end without close_notify like a
 * close_notify (unless the JVM-wide {@code com.sun.net.ssl.requireCloseNotify} is set), so a data connection cut
 * short would look like a complete download. JSSE reads records exactly and stops at a close_notify, so it only
 * meets the TCP end when the server closed without one: that is a truncation (RFC 8446 §6.1, RFC 5246 §7.2.1) and
 * fails the read.
 */
final class LayeredDataSocket extends Socket {

    private final Socket real;
    private final int controlPort;
    private InputStream input;

    LayeredDataSocket(Socket real, int controlPort) {
        this.real = real;
        this.controlPort = controlPort;
    }

    @Override
    public int getPort() {
        return controlPort;
    }

    @Override
    public InetAddress getInetAddress() {
        return real.getInetAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return real.getRemoteSocketAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return real.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return real.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return real.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public boolean isConnected() {
        return real.isConnected();
    }

    @Override
    public boolean isBound() {
        return real.isBound();
    }

    @Override
    public boolean isClosed() {
        return real.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return real.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return real.isOutputShutdown();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new EndRequiresCloseNotify(real.getInputStream());
        }
        return input;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return real.getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        real.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return real.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        real.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return real.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        real.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return real.getKeepAlive();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        real.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return real.getSoLinger();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        real.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return real.getReceiveBufferSize();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        real.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return real.getSendBufferSize();
    }

    @Override
    public void shutdownInput() throws IOException {
        real.shutdownInput();
    }

    /**
     * Does nothing: the TLS layer's half-close (its close_notify) stays a TLS matter and the TCP connection stays
     * open both ways until the transfer ends, so a server that takes a TCP half-close for an aborted transfer is not
     * misled while it still sends a download.
     */
    @Override
    public void shutdownOutput() {
        // the whole connection closes with close()
    }

    @Override
    public void close() throws IOException {
        real.close();
    }

    /** Fails at the TCP end of stream: the TLS layer above reads it only when no close_notify came first. */
    private static final class EndRequiresCloseNotify extends FilterInputStream {
        EndRequiresCloseNotify(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return checked(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return checked(super.read(b, off, len));
        }

        private static int checked(int n) throws IOException {
            if (n < 0) {
                throw new SSLProtocolException("the server closed the TLS data connection without close_notify;"
                        + " the data may be truncated");
            }
            return n;
        }
    }

    @Override
    public String toString() {
        return "LayeredDataSocket[" + real + ", reported port " + controlPort + "]";
    }
}
