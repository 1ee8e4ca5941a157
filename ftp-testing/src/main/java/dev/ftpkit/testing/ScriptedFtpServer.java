package dev.ftpkit.client;

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

    public static ScriptedFtpServer start(Script script) throws IOException {
        return new ScriptedFtpServer(InetAddress.getByName("127.0.0.1"), script);
    }

    /** A server on another loopback address, e.g. {@code ::1}. */
    public static ScriptedFtpServer start(InetAddress loopback, Script script) throws IOException {
        return new ScriptedFtpServer(loopback, script);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String host() {
        return address.getHostAddress();
    }

    /** Waits for the script to end and rethrows its failure. */
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

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Writes reply text (safe from several threads); each line gets CRLF (a single string may hold several lines separated by \n). */
        public synchronized Session reply(String text) throws IOException {
            StringBuilder b = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                b.append(line).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /** Writes raw bytes on the control connection. */
        public Session raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /** Reads the next command line (Telnet commands removed). */
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

        /** Reads a command and checks it starts with {@code prefix} (case-sensitive). */
        public Session expect(String prefix) throws IOException {
            String command = command();
            if (!command.startsWith(prefix)) {
                throw new AssertionError("expected a command starting with '" + prefix + "' but got '" + command + "'");
            }
            return this;
        }

        /** The usual anonymous login of the client: USER, FEAT (refused), TYPE I. */
        public Session login() throws IOException {
            expect("USER").reply("331 password please");
            expect("PASS").reply("230 welcome");
            expect("FEAT").reply("502 no features");
            expect("TYPE I").reply("200 binary");
            return this;
        }

        /** Opens a passive data listener on 127.0.0.1 and returns its port. */
        public int listenForData() throws IOException {
            return listenForData(address);
        }

        /** Opens a passive data listener on the given loopback address and returns its port. */
        public int listenForData(InetAddress on) throws IOException {
            dataListener = new ServerSocket();
            dataListener.bind(new InetSocketAddress(on, 0));
            dataListener.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return dataListener.getLocalPort();
        }

        /** Accepts the client's data connection. */
        public Socket acceptData() throws IOException {
            Socket data = dataListener.accept();
            track(data);
            dataListener.close();
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /** Connects to the client's active-mode listener (PORT/EPRT). */
        public Socket connectData(InetSocketAddress target) throws IOException {
            Socket data = new Socket();
            track(data);
            data.connect(target, (int) STEP_TIMEOUT.toMillis());
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /** Connects to the client's active-mode listener from the given local (loopback) address. */
        public Socket connectData(InetSocketAddress target, InetAddress from) throws IOException {
            Socket data = new Socket();
            track(data);
            data.bind(new InetSocketAddress(from, 0));
            data.connect(target, (int) STEP_TIMEOUT.toMillis());
            data.setSoTimeout((int) STEP_TIMEOUT.toMillis());
            return data;
        }

        /** Reads everything the client sends on a data connection. */
        public byte[] readAll(Socket data) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            data.getInputStream().transferTo(bytes);
            return bytes.toByteArray();
        }

        /** Blocks until the test closes the server: a server that never answers. */
        public void hang() throws InterruptedException {
            released.await(STEP_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        }

        /** Runs the server's side of a TLS handshake on the control connection (after a 234 reply, or at once). */
        Session startTls(javax.net.ssl.SSLContext context) throws IOException {
            tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(socket, null, false);
            tls.setUseClientMode(false);
            tls.startHandshake();
            in = tls.getInputStream();
            out = tls.getOutputStream();
            return this;
        }

        /** The control connection's TLS session, while TLS is on. */
        javax.net.ssl.SSLSession tlsSession() {
            return tls.getSession();
        }

        /** Runs the server's side of a TLS handshake over an accepted or connected data connection. */
        javax.net.ssl.SSLSocket secureData(Socket data, javax.net.ssl.SSLContext context) throws IOException {
            javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(data, null, true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            return secure;
        }

        /** Ends TLS on the control connection after CCC: reads the client's close_notify, sends its own. */
        Session clearTls() throws IOException {
            if (in.read() >= 0) {
                throw new AssertionError("the client sent data instead of close_notify after CCC");
            }
            tls.close();
            tls = null;
            in = socket.getInputStream();
            out = socket.getOutputStream();
            return this;
        }

        /** Closes the control connection. */
        public void disconnect() throws IOException {
            socket.close();
        }
    }
}
