package dev.ftpkit.server;

import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyParser;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bare control connection for tests that need exact replies: an attacker's or a bystander's. Every read
 * has a timeout, so it never hangs.
 */
public final class RawFtp implements Closeable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReplyParser parser = new ReplyParser();
    /** Every reply line read so far, for "exactly one reply per command" checks. */
    public final List<String> lines = new ArrayList<>();
    public final Reply greeting;

    private RawFtp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.greeting = read();
    }

    public static RawFtp connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    /** Connects from the given loopback source address (127.0.0.2 plays "another host"). */
    public static RawFtp connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawFtp(socket);
    }

    /**
     * Connects from {@code from} and sends {@code header} (a PROXY protocol header) before reading the greeting,
     * as a load balancer does.
     */
    public static RawFtp connectThroughProxy(String from, int port, byte[] header) throws IOException {
        return new RawFtp(proxied(from, port, header));
    }

    /** A socket from {@code from} to the server that has sent {@code header} and read nothing yet. */
    public static Socket proxied(String from, int port, byte[] header) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.getOutputStream().write(header);
        return socket;
    }

    /** Logs in on a connected session and switches to binary. */
    public RawFtp loggedIn() throws IOException {
        expect(331, "USER " + USER);
        expect(230, "PASS " + PASSWORD);
        expect(200, "TYPE I");
        return this;
    }

    public static RawFtp login(int port) throws IOException {
        RawFtp ftp = connect(port);
        ftp.expect(331, "USER " + USER);
        ftp.expect(230, "PASS " + PASSWORD);
        ftp.expect(200, "TYPE I"); // the tests move binary data; the default type is ASCII (RFC 959 §5.1)
        return ftp;
    }

    public Socket socket() {
        return socket;
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public Reply send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return read();
    }

    public String reply(String line) throws IOException {
        return send(line).encode();
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
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                lines.add(text);
                line.reset();
                Optional<Reply> reply = parser.accept(text);
                if (reply.isPresent()) {
                    return reply.get();
                }
            } else {
                line.write(b);
            }
        }
    }

    /** True if the server closed the connection (end of stream or reset) within the socket timeout. */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException e) {
            return true;
        }
    }

    /** Whether nothing more arrives for a short while (no forged second reply). */
    public boolean silentFor(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (java.net.SocketTimeoutException quiet) {
            return true;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    /** Whether reply bytes are waiting (without blocking). */
    public boolean hasInput() throws IOException {
        return in.available() > 0;
    }

    public int pasvPort() throws IOException {
        Reply reply = expect(227, "PASV");
        try {
            return HostPort.parsePassiveReply(reply.text()).port();
        } catch (dev.ftpkit.core.FtpProtocolException e) {
            throw new IOException(e);
        }
    }

    public int epsvPort() throws IOException {
        try {
            return ExtendedPassive.parseReply(expect(229, "EPSV").text());
        } catch (dev.ftpkit.core.FtpProtocolException e) {
            throw new IOException(e);
        }
    }

    public Socket passive() throws IOException {
        Socket data = new Socket();
        data.bind(new InetSocketAddress(socket.getLocalAddress(), 0)); // from the control connection's address
        data.connect(new InetSocketAddress("127.0.0.1", pasvPort()), 5_000);
        data.setSoTimeout(20_000);
        return data;
    }

    /** PASV, then a command expected to fail before the data connection is used. */
    @SuppressWarnings("try") // the passive connection is only held open while the command is refused
    public Reply sendWithPassive(String command) throws IOException {
        try (Socket data = passive()) {
            return send(command);
        }
    }

    public byte[] retrieve(String path) throws IOException {
        try (Socket data = passive()) {
            expect(150, "RETR " + path);
            byte[] bytes = data.getInputStream().readAllBytes();
            Reply done = read();
            if (done.codeValue() != 226) {
                throw new AssertionError("RETR " + path + " ended with " + done.encode());
            }
            return bytes;
        }
    }

    public void store(String path, byte[] bytes) throws IOException {
        try (Socket data = passive()) {
            expect(150, "STOR " + path);
            data.getOutputStream().write(bytes);
            data.shutdownOutput();
            Reply done = read();
            if (done.codeValue() != 226) {
                throw new AssertionError("STOR " + path + " ended with " + done.encode());
            }
        }
    }

    public String list(String command) throws IOException {
        try (Socket data = passive()) {
            expect(150, command);
            byte[] bytes = data.getInputStream().readAllBytes();
            Reply done = read();
            if (done.codeValue() != 226) {
                throw new AssertionError(command + " ended with " + done.encode());
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
