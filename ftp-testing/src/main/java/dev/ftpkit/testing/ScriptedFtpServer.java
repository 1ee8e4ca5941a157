package dev.ftpkit.testing;

import dev.ftpkit.core.LineDecoder;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A tiny FTP server on 127.0.0.1 that plays a scripted dialogue with one client, for faults a real server will not
 * produce on demand: odd replies, 421, silence, a data connection that breaks. The script is a lambda run on the
 * server's thread; {@link #awaitScript()} rethrows what went wrong there (including failed expectations).
 *
 * <pre>{@code
 * try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
 *     s.reply("220 hello");
 *     s.expect("USER anonymous").reply("230 in");
 * })) { ... }
 * }</pre>
 */
public final class ScriptedFtpServer implements AutoCloseable {

    /** What the server does, step by step. */
    @FunctionalInterface
    public interface Script {
        /**
         * Plays the server's side of the dialogue.
         *
         * @param session the control connection
         * @throws Exception any failure; {@link ScriptedFtpServer#awaitScript()} rethrows it
         */
        void play(Session session) throws Exception;
    }

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocket listener;
    private final ExecutorService thread;
    private final Future<?> run;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Socket> sockets = new ArrayList<>();

    private final InetAddress address;

    private ScriptedFtpServer(InetAddress address, Script script) throws IOException {
        this.address = address;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address, 0));
        listener.setSoTimeout((int) STEP_TIMEOUT.toMillis());
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scripted-ftp-server-" + listener.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        run = thread.submit(() -> {
            try (Socket socket = listener.accept()) {
                track(socket);
                socket.setSoTimeout((int) STEP_TIMEOUT.toMillis());
                socket.setOOBInline(true);
                script.play(new Session(socket));
            }
            return null;
        });
    }

    /**
     * Starts a server on 127.0.0.1 that plays {@code script} with the first client.
     *
     * @param script the dialogue
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static ScriptedFtpServer start(Script script) throws IOException {
        return new ScriptedFtpServer(InetAddress.getByName("127.0.0.1"), script);
    }

    /**
     * A server on another loopback address, e.g. {@code ::1}.
     *
     * @param loopback the address
     * @param script   the dialogue
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static ScriptedFtpServer start(InetAddress loopback, Script script) throws IOException {
        return new ScriptedFtpServer(loopback, script);
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The address it listens on.
     *
     * @return e.g. {@code "127.0.0.1"}
     */
    public String host() {
        return address.getHostAddress();
    }

    /**
     * Waits for the script to end and rethrows its failure.
     *
     * @throws Exception what the script threw (a failed {@link Session#expect} is an {@link AssertionError})
     */
    public void awaitScript() throws Exception {
        try {
            run.get(STEP_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the script did not finish", e);
        }
    }

    private synchronized void track(Socket socket) {
        sockets.add(socket);
    }

    /**
     * Closes the connections and the listener and ends the script.
     *
     * @throws IOException if the listener cannot be closed
     */
    @Override
    public void close() throws IOException {
        released.countDown();
        synchronized (this) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        listener.close();
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's side of the control connection, as seen by a script. */
    public final class Session {
        private final Socket socket;
        private InputStream in;
        private OutputStream out;
        private javax.net.ssl.SSLSocket tls;
        private final LineDecoder decoder = new LineDecoder(65536);
        private ServerSocket dataListener;

        private Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /**
         * Writes reply text (safe from several threads); each line gets CRLF (a single string may hold several
         * lines separated by {@code \n}).
         *
         * @param text the reply, e.g. {@code "230 welcome"}
         * @return this session
         * @throws IOException if the connection fails
         */
        public synchronized Session reply(String text) throws IOException {
            StringBuilder b = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                b.append(line).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /**
         * Writes raw bytes on the control connection.
         *
         * @param bytes the bytes
         * @return this session
         * @throws IOException if the connection fails
         */
        public Session raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /**
         * Reads the next command line (Telnet commands removed).
         *
         * @return the line without CRLF
         * @throws IOException if the connection fails or the client closes it
         */
        public String command() throws IOException {
            byte[] one = new byte[1];
            // Bounded by the 64 KiB line limit of the decoder and the socket timeout.
            while (!decoder.hasLine()) {
                int n = in.read(one);
                if (n < 0) {
                    throw new EOFException("the client closed the control connection");
                }
                decoder.feed(one, 0, 1);
            }
            return new String(LineDecoder.stripTelnet(decoder.takeLine()), StandardCharsets.UTF_8);
        }

        /**
         * Reads a command and checks it starts with {@code prefix} (case-sensitive).
         *
         * @param prefix e.g. {@code "USER anonymous"}
         * @return this session
         * @throws IOException    if the connection fails
         * @throws AssertionError if the command is another
         */
        public Session expect(String prefix) throws IOException {
            String command = command();
            if (!command.startsWith(prefix)) {
                throw new AssertionError("expected a command starting with '" + prefix + "' but got '" + command + "'");
            }
            return this;
        }

        /**
         * The login of the ftpkit client: USER, PASS, FEAT (refused), TYPE I.
         *
         * @return this session
         * @throws IOException if the connection fails
         */
        public Session login() throws IOException {
            expect("USER").reply("331 password please");
            expect("PASS").reply("230 welcome");
            expect("FEAT").reply("502 no features");
            expect("TYPE I").reply("200 binary");
            return this;
        }

        /**
         * Opens a passive data listener on the server's address.
         *
         * @return its port
         * @throws IOException if it cannot listen
         */
        public int listenForData() throws IOException {
            return listenForData(address);
        }

        /**
         * Opens a passive data listener on the given loopback address.
         *
         * @param on the address
         * @return its port
         * @throws IOException if it cannot listen
         */
        public int listenForData(InetAddress on) throws IOException {
            dataListener = new ServerSocket();
            dataListener.bind(new InetSocketAddress(on, 0));
            dataListener.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return dataListener.getLocalPort();
        }

        /**
         * Accepts the client's data connection.
         *
         * @return the connection
         * @throws IOException if none arrives in time
         */
        public Socket acceptData() throws IOException {
            Socket data = dataListener.accept();
            track(data);
            dataListener.close();
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /**
         * Connects to the client's active-mode listener (PORT/EPRT).
         *
         * @param target the client's address and port
         * @return the connection
         * @throws IOException if it cannot connect
         */
        public Socket connectData(InetSocketAddress target) throws IOException {
            Socket data = new Socket();
            track(data);
            data.connect(target, (int) STEP_TIMEOUT.toMillis());
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /**
         * Connects to the client's active-mode listener from the given local (loopback) address.
         *
         * @param target the client's address and port
         * @param from   the local address
         * @return the connection
         * @throws IOException if it cannot connect
         */
        public Socket connectData(InetSocketAddress target, InetAddress from) throws IOException {
            Socket data = new Socket();
            track(data);
            data.bind(new InetSocketAddress(from, 0));
            data.connect(target, (int) STEP_TIMEOUT.toMillis());
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /**
         * Reads everything the client sends on a data connection.
         *
         * @param data the connection
         * @return the bytes
         * @throws IOException if the connection fails
         */
        public byte[] readAll(Socket data) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            data.getInputStream().transferTo(bytes);
            return bytes.toByteArray();
        }

        /**
         * Blocks until the test closes the server: a server that never answers.
         *
         * @throws InterruptedException if interrupted
         */
        public void hang() throws InterruptedException {
            released.await(STEP_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        }

        /**
         * Runs the server's side of a TLS handshake on the control connection (after a 234 reply, or at once).
         *
         * @param context presents the server's certificate
         * @return this session
         * @throws IOException if the handshake fails
         */
        public Session startTls(javax.net.ssl.SSLContext context) throws IOException {
            tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(socket, null, false);
            tls.setUseClientMode(false);
            tls.startHandshake();
            in = tls.getInputStream();
            out = tls.getOutputStream();
            return this;
        }

        /**
         * The control connection's TLS session, while TLS is on.
         *
         * @return the session
         */
        public javax.net.ssl.SSLSession tlsSession() {
            return tls.getSession();
        }

        /**
         * Runs the server's side of a TLS handshake over an accepted or connected data connection.
         *
         * @param data    the connection
         * @param context presents the server's certificate
         * @return the TLS connection
         * @throws IOException if the handshake fails
         */
        public javax.net.ssl.SSLSocket secureData(Socket data, javax.net.ssl.SSLContext context) throws IOException {
            javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(data, null, true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            return secure;
        }

        /**
         * Ends TLS on the control connection after CCC: reads the client's close_notify, sends its own.
         *
         * @return this session
         * @throws IOException if the connection fails
         */
        public Session clearTls() throws IOException {
            if (in.read() >= 0) {
                throw new AssertionError("the client sent data instead of close_notify after CCC");
            }
            tls.close();
            tls = null;
            in = socket.getInputStream();
            out = socket.getOutputStream();
            return this;
        }

        /**
         * Closes the control connection.
         *
         * @throws IOException if closing fails
         */
        public void disconnect() throws IOException {
            socket.close();
        }
    }
}
