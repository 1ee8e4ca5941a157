package dev.ftpkit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A connected socket that reports another remote port. JSSE keys its client session cache by the layered
 * socket's real remote port, so a TLS socket layered over this one with the control connection's host and port
 * finds, and resumes, the control connection's session (what FTPS servers with session reuse require).
 */
public final class ReportedPortSocket extends Socket {
    private final Socket real;
    private final int reportedPort;

    /** Wraps {@code real}, reporting {@code reportedPort} as its remote port. */
    public ReportedPortSocket(Socket real, int reportedPort) {
        this.real = real;
        this.reportedPort = reportedPort;
    }

    @Override
    public int getPort() {
        return reportedPort;
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
    public InputStream getInputStream() throws IOException {
        return real.getInputStream();
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
    public void setSoLinger(boolean on, int linger) throws SocketException {
        real.setSoLinger(on, linger);
    }

    @Override
    public void shutdownInput() throws IOException {
        real.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        real.shutdownOutput();
    }

    @Override
    public synchronized void close() throws IOException {
        real.close();
    }
}
