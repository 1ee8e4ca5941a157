package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.UsageException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ftpkit.server.observe.PrometheusText;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves Prometheus text at {@code http://127.0.0.1:PORT/metrics} with the JDK's HTTP server (module
 * {@code jdk.httpserver}), on loopback only: metrics tell who uses the server, so exposing them is a choice for a
 * reverse proxy, not a default.
 */
final class MetricsEndpoint implements java.io.Closeable {

    static final String PATH = "/metrics";
    private static final int OK = 200;
    private static final int NOT_FOUND = 404;
    private static final int METHOD_NOT_ALLOWED = 405;

    private final HttpServer http;

    private MetricsEndpoint(HttpServer http) {
        this.http = http;
    }

    /**
     * Binds 127.0.0.1:port and serves {@code text} (rendered anew for each request) at {@link #PATH}.
     *
     * @param port 0 for any free port
     * @param text the exposition text
     * @return the running endpoint
     * @throws IOException if the port cannot be bound
     */
    static MetricsEndpoint start(int port, Supplier<String> text) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.createContext("/", exchange -> answer(exchange, text));
        http.start();
        return new MetricsEndpoint(http);
    }

    private static void answer(HttpExchange exchange, Supplier<String> text) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(NOT_FOUND, -1);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, -1);
            } else {
                byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
                exchange.sendResponseHeaders(OK, method.equals("HEAD") ? -1 : body.length);
                if (method.equals("GET")) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }
    }

    /** The URL the metrics are at. */
    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + PATH;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
