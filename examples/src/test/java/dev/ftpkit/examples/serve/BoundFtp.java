package dev.ftpkit.examples.serve;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyParser;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A minimal FTP client whose control and data connections both leave from one loopback source address, so that
 * many sessions can play many client hosts, and that connects where the 227 reply says (each instance behind the
 * balancer advertises its own passive address).
 */
final class BoundFtp implements Closeable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String from;
    private final Socket control;
    private final InputStream in;
    private final ReplyParser parser = new ReplyParser();
    /** The address of the last 227 reply: which instance serves this session. */
    private HostPort passive;

    private BoundFtp(String from, Socket control) throws IOException {
        this.from = from;
        this.control = control;
        this.in = new BufferedInputStream(control.getInputStream());
    }

    /** Connects from {@code from} to 127.0.0.1:{@code port} and logs in; fails unless greeted with 220. */
    static BoundFtp login(String from, int port, String user, String password) throws IOException {
        BoundFtp ftp = new BoundFtp(from, connect(from, new InetSocketAddress("127.0.0.1", port)));
        try {
            expect(220, ftp.read());
            expect(331, ftp.command("USER " + user));
            expect(230, ftp.command("PASS " + password));
            expect(200, ftp.command("TYPE I"));
        } catch (IOException | RuntimeException e) {
            ftp.close();
            throw e;
        }
        return ftp;
    }

    private static Socket connect(String from, InetSocketAddress to) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(to, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** The passive address of the last PASV: the instance serving this session. */
    String passiveHost() {
        return passive == null ? "" : passive.address().getHostAddress();
    }

    void store(String path, byte[] content) throws IOException {
        try (Socket data = openPassive()) {
            expect(150, command("STOR " + path));
            data.getOutputStream().write(content);
            data.shutdownOutput();
            expect(226, read());
        }
    }

    byte[] retrieve(String path) throws IOException {
        try (Socket data = openPassive()) {
            expect(150, command("RETR " + path));
            byte[] bytes = data.getInputStream().readAllBytes();
            expect(226, read());
            return bytes;
        }
    }

    private Socket openPassive() throws IOException {
        Reply reply = command("PASV");
        expect(227, reply);
        passive = HostPort.parsePassiveReply(reply.text());
        return connect(from, passive.toSocketAddress());
    }

    private Reply command(String line) throws IOException {
        control.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return read();
    }

    private Reply read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int count = 0; count < 1_000_000; count++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("control connection closed");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            Optional<Reply> reply = parser.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            line.reset();
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        throw new FtpProtocolException("reply too long");
    }

    private static void expect(int code, Reply reply) throws IOException {
        if (reply.codeValue() != code) {
            throw new IOException("expected " + code + ", got " + reply.encode().strip());
        }
    }

    @Override
    public void close() throws IOException {
        control.close();
    }
}
