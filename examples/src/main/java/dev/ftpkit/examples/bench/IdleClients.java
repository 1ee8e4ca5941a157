package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The client side of {@link IdleMemory}, run as a child JVM: opens N logged-in control connections (a few threads
 * at a time), prints {@code open N refused M}, holds them until standard input closes, then closes them.
 */
public final class IdleClients {

    private static final int OPENERS = 8;

    private IdleClients() {
    }

    /**
     * Runs the idle clients.
     *
     * @param args host, port, user, password, number of sessions; then, for FTPS sessions (AUTH TLS, PBSZ 0, PROT P),
     *             {@code tls}, the directory of the {@link BenchCertificate} the server presents, and the protocol
     */
    public static void main(String[] args) throws Exception {
        Endpoint endpoint = new Endpoint(args[0], Integer.parseInt(args[1]), args[2], args[3]);
        int sessions = Integer.parseInt(args[4]);
        SSLContext tls = args.length > 7 && args[5].equals("tls")
                ? BenchCertificate.existing(Path.of(args[6])).clientContext() : null;
        List<RawFtp> open = Collections.synchronizedList(new ArrayList<>(sessions));
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
        try {
            for (int t = 0; t < OPENERS; t++) {
                openers.execute(() -> {
                    while (next.getAndIncrement() < sessions) {
                        try {
                            RawFtp ftp = tls == null ? RawFtp.connect(endpoint)
                                    : RawFtp.connect(endpoint).authTls(tls, args[7], endpoint.host());
                            open.add(ftp);
                            ftp.login(endpoint.user(), endpoint.password());
                            if (tls != null) {
                                ftp.protectData();
                            }
                        } catch (IOException e) {
                            refused.incrementAndGet();
                        }
                    }
                });
            }
            openers.shutdown();
            if (!openers.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IOException("opening the sessions took longer than 5 minutes");
            }
            // A round trip on every session proves they are all still there after the last one logged in.
            int alive = 0;
            for (RawFtp ftp : open) {
                try {
                    if (ftp.command("NOOP").isPositive()) {
                        alive++;
                    }
                } catch (IOException e) {
                    // dropped while idle: counted as refused below
                }
            }
            System.out.println("open " + alive + " refused " + (refused.get() + open.size() - alive));
            System.out.flush();
            System.in.readAllBytes();
        } finally {
            openers.shutdownNow();
            for (RawFtp ftp : open) {
                try {
                    ftp.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

}
