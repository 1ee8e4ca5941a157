package dev.ftpkit.server.internal.tls;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Set;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A data connection's TCP socket as its TLS layer sees it: every call goes to the real socket (its input read ahead,
 * see {@code READ_AHEAD}), and while the handshake runs, each write first makes a TLS 1.3 handshake session
 * unresumable, so JSSE sends no NewSessionTicket (RFC 8446 §4.6.1) after it.
 *
 * <p>Why: curl 7.88 and lftp never read an upload's data connection. A ticket left unread in their receive buffer
 * makes their kernel answer the close with a reset, which drops what they had not sent yet (the end of the upload).
 * A data connection resumes its control connection's session and needs no ticket of its own; the client gets a
 * fresh one on the control connection instead ({@link SessionTls}). JSSE produces the ticket right after it reads
 * the client's Finished, inside {@code startHandshake()}, only if the handshake session is rejoinable
 * ({@code NewSessionTicket.T13NewSessionTicketProducer}, Java 17 to 25); an invalidated one is not. The server's
 * first flight (ServerHello to Finished) is written before that Finished can arrive, and by then the handshake
 * session exists, so invalidating it on a write is in time. A TLS 1.2 handshake session is left alone: on
 * resumption it is the control connection's own session, and TLS 1.2 sends its ticket inside the handshake.
 */
final class TicketlessSocket extends Socket {

    private static final String TLS13 = "TLSv1.3";

    /**
     * What one read of the TCP socket may take in. JSSE reads a record's 5-byte header and then its body, each
     * with a read of its own: two system calls per 16 KiB record of an upload, each of them (through a channel's
     * socket adaptor with a timeout) also switching the socket to non-blocking and back. Reading ahead into this
     * buffer makes that about one read per 64 KiB (measured with strace on a 256 MiB STOR: 32,821 reads and
     * 131,132 fcntl calls without it).
     */
    private static final int READ_AHEAD = 64 * 1024;

    private final Socket raw;
    private final InputStream input;
    private final OutputStream output;
    // written and read by the handshaking thread only: JSSE writes on the thread that runs startHandshake()
    private SSLSocket tls;
    private boolean handshaking = true;

    TicketlessSocket(Socket raw) throws IOException {
        this.raw = raw;
        this.input = new BufferedInputStream(raw.getInputStream(), READ_AHEAD);
        OutputStream out = raw.getOutputStream();
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                beforeWrite();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                beforeWrite();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** The TLS socket layered over this one, whose handshake session the writes look at. */
    void layeredUnder(SSLSocket socket) {
        this.tls = socket;
    }

    /** The handshake is over: writes are application data from now on and go straight through. */
    void handshakeDone() {
        this.handshaking = false;
    }

    private void beforeWrite() {
        if (!handshaking || tls == null) {
            return;
        }
        SSLSession session = tls.getHandshakeSession();
        if (session != null && TLS13.equals(session.getProtocol()) && session.isValid()) {
            session.invalidate();
        }
    }

    @Override
    public InputStream getInputStream() {
        return input;
    }

    @Override
    public OutputStream getOutputStream() {
        return output;
    }

    @Override
    public SocketChannel getChannel() {
        return null; // the bytes go through the streams above, never around them
    }

    @Override
    public boolean isConnected() {
        return raw.isConnected();
    }

    @Override
    public boolean isBound() {
        return raw.isBound();
    }

    @Override
    public boolean isClosed() {
        return raw.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return raw.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return raw.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        raw.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        raw.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    @Override
    public InetAddress getInetAddress() {
        return raw.getInetAddress();
    }

    @Override
    public int getPort() {
        return raw.getPort();
    }

    @Override
    public InetAddress getLocalAddress() {
        return raw.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return raw.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return raw.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return raw.getLocalSocketAddress();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        raw.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return raw.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        raw.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return raw.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        raw.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return raw.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        raw.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return raw.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        raw.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return raw.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        raw.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return raw.getReceiveBufferSize();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        raw.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return raw.getReuseAddress();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        raw.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return raw.getTrafficClass();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        raw.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return raw.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return raw.supportedOptions();
    }

    @Override
    public String toString() {
        return raw.toString();
    }
}
