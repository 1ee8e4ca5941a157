package dev.ftpkit.server;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyParser;
import dev.ftpkit.testsupport.ReportedPortSocket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A bare FTPS client on JSSE for the attack tests: exact replies, plaintext injection, data connections that
 * resume the control session or deliberately do not.
 */
public final class TlsFtp implements Closeable {

    private final Socket raw;
    private final int controlPort;
    private final String protocol;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private ReplyParser parser = new ReplyParser();
    private SSLSocket control;

    private TlsFtp(Socket raw, String protocol) throws IOException {
        this.raw = raw;
        this.controlPort = raw.getPort();
        this.protocol = protocol;
        raw.setSoTimeout(20_000);
        use(raw);
    }

    /** Connects in plaintext and reads the greeting. */
    public static TlsFtp connect(int port, String protocol) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        TlsFtp ftp = new TlsFtp(socket, protocol);
        ftp.expect220();
        return ftp;
    }

    private void expect220() throws IOException {
        Reply greeting = read();
        if (greeting.codeValue() != 220) {
            throw new AssertionError("greeting " + greeting.encode());
        }
    }

    /** Connects to an implicit-TLS port: handshake first, then the greeting. */
    public static TlsFtp implicit(int port, SSLContext context, String protocol) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        TlsFtp ftp = new TlsFtp(socket, protocol);
        ftp.handshake(context);
        ftp.expect220();
        return ftp;
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new java.io.BufferedInputStream(s.getInputStream());
        this.out = s.getOutputStream();
        this.parser = new ReplyParser();
    }

    /** TLS over the control connection, as the client side. */
    public void handshake(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, "127.0.0.1", controlPort, false);
        tls.setEnabledProtocols(new String[] {protocol});
        tls.setUseClientMode(true);
        tls.startHandshake();
        control = tls;
        use(tls);
    }

    /** AUTH TLS, the handshake, PBSZ 0, PROT P, login. */
    public static TlsFtp secureLogin(int port, SSLContext context, String protocol) throws IOException {
        TlsFtp ftp = connect(port, protocol);
        ftp.expect(234, "AUTH TLS");
        ftp.handshake(context);
        ftp.expect(200, "PBSZ 0");
        ftp.expect(200, "PROT P");
        ftp.expect(331, "USER " + TestServers.USER);
        ftp.expect(230, "PASS " + TestServers.PASSWORD);
        ftp.expect(200, "TYPE I"); // binary test data; the default type is ASCII (RFC 959 §5.1)
        return ftp;
    }

    /** After CCC's 200: close_notify both ways, then plaintext on the same TCP connection (RFC 4217 §12.3). */
    public void clearControl() throws IOException {
        control.shutdownOutput();
        if (control.getInputStream().read() != -1) {
            throw new AssertionError("data after CCC instead of close_notify");
        }
        control = null;
        use(raw);
    }

    /** The client's port of the control connection: the server's key for this connection. */
    public int localPort() {
        return raw.getLocalPort();
    }

    public SSLSocket control() {
        return control;
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public Reply send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return read();
    }

    public Reply expect(int code, String line) throws IOException {
        Reply reply = send(line);
        if (reply.codeValue() != code) {
            throw new AssertionError(line + " -> expected " + code + " but got " + reply.encode());
        }
        return reply;
    }

    public Reply read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n') {
                Optional<Reply> reply = parser.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
                if (reply.isPresent()) {
                    return reply.get();
                }
            } else {
                line.write(b);
            }
        }
        throw new IOException("reply too long");
    }

    /** PASV and a plain TCP connection to the data port. */
    public Socket passive() throws IOException {
        return passive(new Socket());
    }

    /** PASV, then connects {@code data} (not yet connected) to the port the reply names. */
    public Socket passive(Socket data) throws IOException {
        Reply reply = expect(227, "PASV");
        HostPort hostPort;
        try {
            hostPort = HostPort.parsePassiveReply(reply.text());
        } catch (FtpProtocolException e) {
            throw new IOException(e);
        }
        data.connect(new InetSocketAddress("127.0.0.1", hostPort.port()), 5_000);
        data.setSoTimeout(20_000);
        return data;
    }

    /**
     * TLS over a data socket. With {@code resume}, JSSE's client cache is asked for the control connection's
     * host and port (it keys sessions by the socket's reported peer port), so the control session is resumed.
     */
    public SSLSocket secureData(Socket data, SSLContext context, boolean resume) throws IOException {
        Socket under = resume ? new ReportedPortSocket(data, controlPort) : data;
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(under, "127.0.0.1",
                resume ? controlPort : data.getPort(), true);
        tls.setEnabledProtocols(new String[] {protocol});
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

}
