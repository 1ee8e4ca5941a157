package dev.ftpkit.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A connected socket seen through a wrapper that counts the TLS records read from it (each record: a 5-byte header
 * whose last two bytes are the length of what follows). For JSSE to layer TLS over it.
 */
final class RecordCountingSocket extends Socket {

    private final Socket real;
    private int records;

    RecordCountingSocket(Socket real) {
        this.real = real;
    }

    /** The records whose header has been read so far. */
    synchronized int records() {
        return records;
    }

    private synchronized void counted() {
        records++;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        RecordParser parser = new RecordParser(this::counted);
        return new FilterInputStream(real.getInputStream()) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                parser.see(b, off, n);
                return n;
            }
        };
    }

    /** Finds the TLS record headers in a byte stream seen piece by piece. */
    static final class RecordParser {
        private final Runnable onRecord;
        private final byte[] header = new byte[5];
        private int headerRead;
        private int bodyLeft;

        RecordParser(Runnable onRecord) {
            this.onRecord = onRecord;
        }

        void see(byte[] b, int off, int n) {
            for (int i = 0; i < n; i++) {
                if (bodyLeft > 0) {
                    bodyLeft--;
                    continue;
                }
                header[headerRead++] = b[off + i];
                if (headerRead == header.length) {
                    bodyLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                    headerRead = 0;
                    onRecord.run();
                }
            }
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return real.getOutputStream();
    }

    @Override
    public int getPort() {
        return real.getPort();
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
    public void setSoTimeout(int timeout) throws SocketException {
        real.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return real.getSoTimeout();
    }
}
