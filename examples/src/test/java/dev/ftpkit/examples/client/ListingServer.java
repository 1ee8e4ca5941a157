package dev.ftpkit.examples.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scripted FTP server on 127.0.0.1 for one client session that plays a server of another system: it answers
 * SYST with the given reply, FEAT without MLST (so the client must LIST), and LIST with the given listing over an
 * EPSV or PASV data connection. Every other command gets a plausible positive reply; {@link #commands()} tells
 * what the client sent.
 */
final class ListingServer implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;
    /** A bound on the dialogue, so that a confused client cannot keep the test running. */
    private static final int MAX_COMMANDS = 100;

    private final String systReply;
    private final String listing;
    private final ServerSocket control;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "listing-server");
        t.setDaemon(true);
        return t;
    });
    private final Future<?> session;
    private final List<String> commands = new ArrayList<>();
    private ServerSocket data;

    private ListingServer(String systReply, String listing) throws IOException {
        this.systReply = systReply;
        this.listing = listing;
        control = new ServerSocket();
        control.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        control.setSoTimeout(TIMEOUT_MILLIS);
        session = thread.submit(() -> {
            serve();
            return null;
        });
    }

    /** Starts a server whose SYST reply is {@code systReply} (with its code) and whose LIST sends {@code listing}. */
    static ListingServer start(String systReply, String listing) throws IOException {
        return new ListingServer(systReply, listing);
    }

    String url() {
        return "ftp://127.0.0.1:" + control.getLocalPort() + "/dir";
    }

    /** The commands the client sent, verbs upper-cased, once the session has ended. */
    List<String> commands() throws Exception {
        try {
            session.get(TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new AssertionError("the client session did not end", e);
        }
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    private void serve() throws IOException {
        try (Socket socket = control.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            send(out, "220 scripted server ready");
            for (int i = 0; i < MAX_COMMANDS; i++) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                synchronized (commands) {
                    commands.add(verb);
                }
                if (!answer(verb, out)) {
                    return;
                }
            }
        } finally {
            if (data != null) {
                data.close();
            }
        }
    }

    /** Answers one command; false when the session is over. */
    private boolean answer(String verb, OutputStream out) throws IOException {
        switch (verb) {
            case "USER" -> send(out, "331 password please");
            case "PASS" -> send(out, "230 logged in");
            case "SYST" -> send(out, systReply);
            case "FEAT" -> send(out, "211-Features:\r\n EPSV\r\n SIZE\r\n REST STREAM\r\n211 End");
            case "EPSV" -> send(out, "229 Entering Extended Passive Mode (|||" + listenForData() + "|)");
            case "PASV" -> {
                int port = listenForData();
                send(out, "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ")");
            }
            case "LIST" -> {
                send(out, "150 Here comes the listing");
                try (ServerSocket listener = data; Socket connection = listener.accept()) {
                    connection.getOutputStream().write(listing.getBytes(StandardCharsets.UTF_8));
                }
                data = null;
                send(out, "226 Listing sent");
            }
            case "PWD" -> send(out, "257 \"/\"");
            case "QUIT" -> {
                send(out, "221 goodbye");
                return false;
            }
            default -> send(out, "200 ok");
        }
        return true;
    }

    private int listenForData() throws IOException {
        if (data != null) {
            data.close();
        }
        data = new ServerSocket();
        data.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        data.setSoTimeout(TIMEOUT_MILLIS);
        return data.getLocalPort();
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        control.close();
        thread.shutdownNow();
    }
}
