package dev.ftpkit.server;

import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyParser;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A bare control connection for tests that need exact replies; reads with a timeout, never hangs. */
final class RawFtp implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReplyParser parser = new ReplyParser();
    final Reply greeting;

    private RawFtp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.greeting = read();
    }

    static RawFtp connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawFtp(socket);
    }

    static RawFtp login(int port) throws IOException {
        RawFtp ftp = connect(port);
        ftp.expect(331, "USER " + TestServers.USER);
        ftp.expect(230, "PASS " + TestServers.PASSWORD);
        return ftp;
    }

    Socket socket() {
        return socket;
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Reply send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return read();
    }

    Reply expect(int code, String line) throws IOException {
        Reply reply = send(line);
        if (reply.codeValue() != code) {
            throw new AssertionError(line + " -> expected " + code + " but got " + reply.encode());
        }
        return reply;
    }

    /** Reads one reply; throws on end of stream. */
    Reply read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
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

    /** True if the server closed the connection (end of stream) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** PASV then connect to the advertised port on 127.0.0.1. */
    Socket passive() throws IOException {
        Reply reply = expect(227, "PASV");
        HostPort hostPort;
        try {
            hostPort = HostPort.parsePassiveReply(reply.text());
        } catch (dev.ftpkit.core.FtpProtocolException e) {
            throw new IOException(e);
        }
        Socket data = new Socket();
        data.connect(new InetSocketAddress("127.0.0.1", hostPort.port()), 5_000);
        data.setSoTimeout(30_000);
        return data;
    }

    /** PASV, then the command (which is expected to fail before using the data connection). */
    Reply sendWithPassive(String command) throws IOException {
        Socket data = passive();
        try {
            return send(command);
        } finally {
            data.close();
        }
    }

    byte[] retrieve(String path) throws IOException {
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

    void store(String path, byte[] bytes) throws IOException {
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

    String list(String command) throws IOException {
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
