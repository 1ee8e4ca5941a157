package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of {@link IdleMemory}, run as a child JVM: opens N logged-in control connections, prints
 * {@code open N refused M}, holds them until standard input closes, then quits them.
 */
public final class IdleClients {

    private IdleClients() {
    }

    /**
     * Runs the idle clients.
     *
     * @param args host, port, user, password, number of sessions
     */
    public static void main(String[] args) throws IOException {
        Endpoint endpoint = new Endpoint(args[0], Integer.parseInt(args[1]), args[2], args[3]);
        int sessions = Integer.parseInt(args[4]);
        List<RawFtp> open = new ArrayList<>(sessions);
        int refused = 0;
        try {
            for (int i = 0; i < sessions; i++) {
                try {
                    RawFtp ftp = RawFtp.connect(endpoint);
                    open.add(ftp);
                    ftp.login(endpoint.user(), endpoint.password());
                } catch (IOException e) {
                    refused++;
                }
            }
            // Every session has been answered with 230 by now: a no-op round trip proves they are all still there.
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
            refused += open.size() - alive;
            System.out.println("open " + alive + " refused " + refused);
            System.out.flush();
            System.in.readAllBytes();
        } finally {
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
