package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.ProtocolListener;
import dev.ftpkit.client.RemoteNames;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.LineDecoder;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.core.ReplyParser;

import javax.net.ssl.SSLSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control connection: writes commands, reads replies (bounded lines, bounded reply size, reply timeout).
 * A 421 reply, a timeout or an end of stream closes it.
 */
final class ControlConnection implements AutoCloseable {

    private static final String NOOP = "NOOP";
    /** Reply codes that answer one verb only among those a transfer may overlap (RFC 959 §5.4). */
    private static final Map<Integer, String> ONLY_ANSWERS = Map.of(ReplyCodes.COMMAND_OK, NOOP,
            ReplyCodes.DATA_CONNECTION_OPEN, "ABOR");

    /** RFC 854: Interpret As Command. */
    private static final int IAC = 255;
    /** RFC 854: Interrupt Process. */
    private static final int IP = 244;
    /** RFC 854: Data Mark, the byte sent as TCP urgent data for the Synch. */
    private static final int DM = 242;

    /** The TCP connection. */
    private final Socket plain;
    /** The socket commands and replies go through: {@link #plain}, or {@link #tls} while TLS is on. */
    private Socket socket;
    private SSLSocket tls;
    private InputStream in;
    private OutputStream out;
    /** Chosen after FEAT when the configured encoding is automatic; replies may be read by another thread. */
    private volatile Charset charset;
    private final ProtocolListener listener;
    private final ClientEvents events;
    /** Commands sent and not yet finally answered, oldest first: replies come in order (RFC 959 §4.2). */
    private final ArrayDeque<Command> unanswered = new ArrayDeque<>();
    /** The final reply last paired with a command other than NOOP (guarded by {@link #unanswered}). */
    private Reply lastAnswer;
    private final LineDecoder decoder;
    private final ReplyParser parser;
    private final int replyTimeoutMillis;
    private final int maxLineLength;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean closed;

    private ControlConnection(Socket socket, FtpClientConfig config, ClientEvents events) throws IOException {
        this.plain = socket;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.charset = config.charset();
        this.listener = config.protocolListener();
        this.events = events;
        this.decoder = new LineDecoder(config.maxLineLength());
        this.parser = new ReplyParser(config.maxLineLength(), config.maxReplyLines());
        this.replyTimeoutMillis = (int) config.replyTimeout().toMillis();
        this.maxLineLength = config.maxLineLength();
    }

    static ControlConnection open(FtpClientConfig config, String host, int port, ClientEvents events)
            throws IOException {
        Socket socket = config.socketFactory().createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) config.connectTimeout().toMillis());
            socket.setSoTimeout((int) config.replyTimeout().toMillis());
            events.connected((InetSocketAddress) socket.getRemoteSocketAddress(),
                    (InetSocketAddress) socket.getLocalSocketAddress());
            return new ControlConnection(socket, config, events);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The listeners of this connection. */
    ClientEvents events() {
        return events;
    }

    InetAddress remoteAddress() {
        return plain.getInetAddress();
    }

    InetAddress localAddress() {
        return plain.getLocalAddress();
    }

    /** The TLS session while commands and replies are encrypted. */
    Optional<javax.net.ssl.SSLSession> tlsSession() {
        SSLSocket secure = tls;
        return secure == null ? Optional.empty() : Optional.of(secure.getSession());
    }

    /** Whether commands and replies are encrypted now. */
    boolean isSecure() {
        return tls != null;
    }

    /**
     * Runs the TLS handshake over the connection: at once for implicit TLS, after the 234 reply to AUTH TLS for
     * explicit TLS. Bytes the server sent after the 234 and before the handshake would be plaintext posing as
     * protected replies (the STARTTLS injection class, CVE-2011-0411): they are refused.
     */
    void startTls(TlsLayer layer) throws IOException {
        ensureOpen();
        if (position < limit) {
            close();
            throw new FtpProtocolException("the server sent " + (limit - position)
                    + " plaintext bytes after accepting AUTH TLS; refusing them");
        }
        try {
            plain.setSoTimeout(replyTimeoutMillis);
            SSLSocket secure = layer.secureControl(plain);
            tls = secure;
            socket = secure;
            in = secure.getInputStream();
            out = secure.getOutputStream();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Ends TLS on the control connection after the server accepted CCC (RFC 4217 §6): sends close_notify, reads the
     * server's, and goes on in plain text over the same TCP connection.
     */
    void clearTls() throws IOException {
        ensureOpen();
        SSLSocket secure = tls;
        if (secure == null) {
            return;
        }
        try {
            secure.shutdownOutput();
            plain.setSoTimeout(replyTimeoutMillis);
            // Bounded: the server sends nothing but its close_notify; any data here is a protocol error.
            if (secure.getInputStream().read() >= 0) {
                throw new FtpProtocolException("the server sent data instead of closing TLS after CCC");
            }
            secure.close();
            tls = null;
            socket = plain;
            in = plain.getInputStream();
            out = plain.getOutputStream();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    boolean isOpen() {
        return !closed;
    }

    Charset charset() {
        return charset;
    }

    /** Switches the encoding of commands and replies (after FEAT, RFC 2640 §3.2). */
    void useCharset(Charset chosen) {
        charset = chosen;
    }

    /**
     * The bytes of a command. Encoded before anything is written: a name this encoding cannot hold is refused
     * without harm to the connection (a replacement char would name another file).
     */
    private byte[] encode(Command command) throws IOException {
        try {
            return RemoteNames.encode(command.encode(), charset);
        } catch (CharacterCodingException e) {
            throw new IOException(command.verb() + " argument cannot be written in " + charset.name()
                    + " (the control connection's encoding)", e);
        }
    }

    /** Writes a command (one write, so the command leaves in one segment). */
    void send(Command command) throws IOException {
        ensureOpen();
        byte[] bytes = encode(command);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
        ProtocolLog.sent(socket.getRemoteSocketAddress(), command);
        sent(command);
    }

    /**
     * Sends the RFC 959 §4.1.3 abort sequence: Telnet IP, then the Synch (IAC as normal data, DM as TCP urgent
     * data), then ABOR.
     */
    void sendAbort() throws IOException {
        ensureOpen();
        Command abor = Command.of("ABOR");
        try {
            if (tls == null) {
                out.write(new byte[] {(byte) IAC, (byte) IP, (byte) IAC});
                out.flush();
                socket.sendUrgentData(DM);
            }
            // Under TLS there is no urgent data (it would land in the middle of the TLS records): plain ABOR.
            out.write(encode(abor));
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
        ProtocolLog.sent(socket.getRemoteSocketAddress(), abor);
        sent(abor);
    }

    private void sent(Command command) {
        listener.commandSent(command);
        synchronized (unanswered) {
            unanswered.add(command);
        }
        events.commandSent(command);
    }

    /** Pairs a final reply with its command; a greeting or an unasked reply pairs with none. */
    private void answered(Reply reply) {
        Command command;
        synchronized (unanswered) {
            command = commandAnsweredBy(reply);
            if (command != null && !command.verb().equals(NOOP)) {
                lastAnswer = reply;
            }
        }
        if (command != null) {
            events.commandAnswered(command, reply);
        }
    }

    /**
     * The oldest unanswered command (RFC 959 §4.2: replies come in the order commands were sent), except that a
     * server may answer a keep-alive NOOP while the transfer before it still runs: a 200 while a NOOP waits, and a
     * 225 while an ABOR waits, answer those (RFC 959 §5.4: a transfer command is never answered 200 or 225).
     */
    private Command commandAnsweredBy(Reply reply) {
        Command oldest = unanswered.peek();
        String owner = ONLY_ANSWERS.get(reply.codeValue());
        if (oldest == null || owner == null || oldest.verb().equals(owner)) {
            return unanswered.poll();
        }
        for (Iterator<Command> waiting = unanswered.iterator(); waiting.hasNext(); ) {
            Command command = waiting.next();
            if (command.verb().equals(owner)) {
                waiting.remove();
                return command;
            }
        }
        return unanswered.poll();
    }

    /**
     * The dialogue is back in step (a NOOP sent after an abort got its 200): a command still unanswered shared the
     * reply before, as a server that answers an abort with one 226 for both the transfer and ABOR does.
     */
    void inStep() {
        List<Command> shared;
        Reply answer;
        synchronized (unanswered) {
            shared = List.copyOf(unanswered);
            unanswered.clear();
            answer = lastAnswer;
        }
        for (Command command : shared) {
            if (answer == null) {
                events.commandFailed(command, new IOException("no reply of its own"));
            } else {
                events.commandAnswered(command, answer);
            }
        }
    }

    /** The commands that will get no reply now, told as failed. */
    private void unanswered(IOException failure) {
        List<Command> failed;
        synchronized (unanswered) {
            failed = List.copyOf(unanswered);
            unanswered.clear();
        }
        for (Command command : failed) {
            events.commandFailed(command, failure);
        }
    }

    /** Reads the next reply (1xx included) within the reply timeout. */
    Reply readReply() throws IOException {
        return readReply(replyTimeoutMillis);
    }

    /** Reads the next reply, waiting at most {@code timeoutMillis}. */
    Reply readReply(int timeoutMillis) throws IOException {
        ensureOpen();
        Reply reply;
        try {
            socket.setSoTimeout(timeoutMillis);
            reply = readWholeReply();
        } catch (SocketTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException(
                    "no reply from the server within " + timeoutMillis + " ms; control connection closed");
            timeout.initCause(e);
            unanswered(timeout);
            close();
            throw timeout;
        } catch (IOException e) {
            unanswered(e);
            close();
            throw e;
        } catch (RuntimeException e) {
            unanswered(new IOException("reading a reply failed", e));
            close();
            throw e;
        }
        ProtocolLog.received(socket.getRemoteSocketAddress(), reply);
        listener.replyReceived(reply);
        if (!reply.code().isPositivePreliminary()) {
            answered(reply);
        }
        if (reply.codeValue() == ReplyCodes.SERVICE_NOT_AVAILABLE) {
            // RFC 959 §4.2: 421 may come in reply to any command; the server is closing the connection.
            close();
            throw new FtpReplyException("server closed the connection", reply);
        }
        return reply;
    }

    /** Reads replies until one that is not 1xx (preliminary). */
    Reply readFinalReply() throws IOException {
        // Bounded: a server sending preliminary replies forever still has to beat the reply timeout each time,
        // and we give up after a generous count.
        for (int i = 0; i < 100; i++) {
            Reply reply = readReply();
            if (!reply.code().isPositivePreliminary()) {
                return reply;
            }
        }
        close();
        throw new FtpProtocolException("more than 100 preliminary replies in a row");
    }

    /** Sends a command and returns its final reply. */
    Reply execute(Command command) throws IOException {
        send(command);
        return readFinalReply();
    }

    private Reply readWholeReply() throws IOException {
        while (true) {
            String line = readLine();
            Optional<Reply> reply = parser.accept(line);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
    }

    private String readLine() throws IOException {
        long partial = 0;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new EOFException("the server closed the control connection");
                }
                position = 0;
                limit = n;
            }
            int consumed = decoder.feed(buffer, position, limit - position);
            position += consumed;
            partial += consumed;
            if (!decoder.hasLine() && partial > maxLineLength + 2L) {
                // Fail at once rather than reading an endless line to its (maybe never coming) end.
                throw new FtpProtocolException("reply line longer than " + maxLineLength + " bytes");
            }
            if (decoder.hasLine()) {
                byte[] line = LineDecoder.stripTelnet(decoder.takeLine());
                return RemoteNames.decode(line, charset);
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the control connection is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (tls != null) {
                DataSockets.closeQuietly(tls);
            }
            DataSockets.closeQuietly(plain);
            unanswered(new IOException("the control connection was closed before the reply came"));
        }
    }
}
