package dev.ftpkit.examples.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The smallest FTP client that does the job, the same for every server: the load generator of the server-side
 * benchmarks (logins, listings, many clients at once), so that what is measured is the server. Passive via EPSV
 * (RFC 2428), binary type. Every read has a timeout.
 */
final class RawFtp implements Closeable {

    static final int TIMEOUT_MILLIS = 60_000;
    private static final int MAX_LINE = 8192;
    private static final int MAX_REPLY_LINES = 1000;

    private final Endpoint endpoint;
    private final Optional<InetAddress> source;
    private final Socket control;
    private final InputStream in;
    private final OutputStream out;

    /** A reply: its code and its last line. */
    record Reply(int code, String text) {
        boolean isPositive() {
            return code < 400;
        }
    }

    private RawFtp(Endpoint endpoint, Optional<InetAddress> source, Socket control) throws IOException {
        this.endpoint = endpoint;
        this.source = source;
        this.control = control;
        this.in = new BufferedInputStream(control.getInputStream(), 4096);
        this.out = control.getOutputStream();
    }

    /** Connects and reads the 220 greeting. */
    static RawFtp connect(Endpoint endpoint) throws IOException {
        return connect(endpoint, Optional.empty());
    }

    /** Connects from the loopback address {@code from} (its data connections too) and reads the 220 greeting. */
    static RawFtp connect(Endpoint endpoint, InetAddress from) throws IOException {
        return connect(endpoint, Optional.of(from));
    }

    private static RawFtp connect(Endpoint endpoint, Optional<InetAddress> from) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (from.isPresent()) {
                socket.bind(new InetSocketAddress(from.get(), 0));
            }
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 10_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            RawFtp ftp = new RawFtp(endpoint, from, socket);
            expect(ftp.read(), 220, "greeting");
            return ftp;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** PBSZ 0 and PROT P (RFC 4217 §8, §9): data connections protected too. */
    void protectData() throws IOException {
        expect(command("PBSZ 0"), 200, "PBSZ 0");
        expect(command("PROT P"), 200, "PROT P");
    }

    /** USER and PASS (RFC 959 §4.1.1), expecting 230 at the end. */
    void login(String user, String password) throws IOException {
        Reply reply = command("USER " + user);
        if (reply.code() == 331) {
            reply = command("PASS " + password);
        }
        expect(reply, 230, "login");
    }

    /** Sends a command and reads its (final, or 1xx) reply. */
    Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    /** Downloads {@code path}, counting and dropping the bytes; returns the count. */
    long retrieve(String path, byte[] buffer) throws IOException {
        expect(command("TYPE I"), 200, "TYPE I");
        long total = 0;
        try (Socket data = openPassive()) {
            expectPreliminary(command("RETR " + path), "RETR");
            InputStream dataIn = data.getInputStream();
            for (int n = dataIn.read(buffer); n >= 0; n = dataIn.read(buffer)) {
                total += n;
            }
        }
        expectCompletion("RETR");
        return total;
    }

    /** Uploads {@code content} as {@code path}. */
    void store(String path, byte[] content, int chunk) throws IOException {
        expect(command("TYPE I"), 200, "TYPE I");
        try (Socket data = openPassive()) {
            expectPreliminary(command("STOR " + path), "STOR");
            OutputStream dataOut = data.getOutputStream();
            for (int offset = 0; offset < content.length; offset += chunk) {
                dataOut.write(content, offset, Math.min(chunk, content.length - offset));
            }
            dataOut.flush();
            data.shutdownOutput();
        }
        expectCompletion("STOR");
    }

    /** Runs a listing command ({@code LIST path} or {@code MLSD path}); returns the number of lines. */
    int listing(String command, byte[] buffer) throws IOException {
        int lines = 0;
        try (Socket data = openPassive()) {
            expectPreliminary(command(command), command);
            InputStream dataIn = data.getInputStream();
            for (int n = dataIn.read(buffer); n >= 0; n = dataIn.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        expectCompletion(command);
        return lines;
    }

    /**
     * AUTH TLS (RFC 4217 §4) and a handshake offering only {@code protocol}. JSSE's client caches sessions by the
     * peer name and port the socket is made with: a name never used before ({@code freshName}, no dot, so no SNI
     * is sent) makes a full handshake, as a new client process would. Returns the connection over TLS, which owns
     * the socket from now on.
     */
    RawFtp authTls(javax.net.ssl.SSLContext context, String protocol, String freshName) throws IOException {
        expect(command("AUTH TLS"), 234, "AUTH TLS");
        javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(control, freshName, endpoint.port(), true);
        secure.setEnabledProtocols(new String[] {protocol});
        secure.startHandshake();
        return new RawFtp(endpoint, source, secure);
    }

    /** QUIT, expecting 221. */
    void quit() throws IOException {
        expect(command("QUIT"), 221, "QUIT");
    }

    @Override
    public void close() throws IOException {
        control.close();
    }

    private void expectCompletion(String what) throws IOException {
        Reply reply = read();
        if (reply.code() != 226 && reply.code() != 250) {
            throw new IOException(what + ": " + reply.code() + " " + reply.text());
        }
    }

    /** EPSV (RFC 2428 §3): {@code 229 ... (|||port|)}, connected to the control connection's peer. */
    private Socket openPassive() throws IOException {
        Reply reply = expect(command("EPSV"), 229, "EPSV");
        int open = reply.text().indexOf("(|||");
        int close = reply.text().indexOf("|)", open + 4);
        if (open < 0 || close < 0) {
            throw new IOException("EPSV: no port in '" + reply.text() + "'");
        }
        int port = Integer.parseInt(reply.text().substring(open + 4, close));
        Socket data = new Socket();
        try {
            if (source.isPresent()) {
                // from the control connection's address: servers refuse a data connection from another (RFC 2577)
                data.bind(new InetSocketAddress(source.get(), 0));
            }
            data.connect(new InetSocketAddress(endpoint.host(), port), 10_000);
            data.setSoTimeout(TIMEOUT_MILLIS);
            return data;
        } catch (IOException e) {
            data.close();
            throw e;
        }
    }

    /** 125 or 150 (RFC 959 §4.2): the data transfer starts. */
    private static void expectPreliminary(Reply reply, String what) throws IOException {
        if (reply.code() != 125 && reply.code() != 150) {
            throw new IOException(what + ": expected 125 or 150, got " + reply.code() + " " + reply.text());
        }
    }

    private static Reply expect(Reply reply, int code, String what) throws IOException {
        if (reply.code() != code) {
            throw new IOException(what + ": expected " + code + ", got " + reply.code() + " " + reply.text());
        }
        return reply;
    }

    /** RFC 959 §4.2: a multi-line reply ends with a line that starts with the same code and a space. */
    private Reply read() throws IOException {
        String first = readLine();
        if (first.length() < 3) {
            throw new IOException("garbled reply '" + first + "'");
        }
        int code = Integer.parseInt(first.substring(0, 3));
        String last = first;
        if (first.length() > 3 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            for (int i = 0; i < MAX_REPLY_LINES && !last.startsWith(end); i++) {
                last = readLine();
            }
        }
        return new Reply(code, last);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int i = 0; i < MAX_LINE; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("control connection closed");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("reply line longer than " + MAX_LINE + " bytes");
    }
}
