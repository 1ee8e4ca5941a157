package dev.ftpkit.examples.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A loopback source address per benchmark client, as real users come from many addresses: Linux routes the whole of
 * 127.0.0.0/8 to the loopback interface, so a client socket bound to 127.1.x.y before it connects reaches the
 * servers on 127.0.0.1 from an address of its own. Per-address defences (ftpkit's queue of password checks, issue
 * 13; vsftpd's {@code max_per_ip}) then see one client per address instead of every client behind one.
 */
final class SourceAddresses {

    /** Clients numbered beyond this share addresses again. */
    static final int DISTINCT = 250 * 256;

    private SourceAddresses() {
    }

    /**
     * The address of client {@code client} (0-based): 127.1.0.1, 127.1.0.2, ... 127.1.0.250, 127.1.1.1, ...; never
     * 127.0.0.1 (the servers' own), nor a last byte of 0 or 255.
     */
    static InetAddress of(int client) {
        int n = Math.floorMod(client, DISTINCT);
        byte[] address = {127, 1, (byte) (n / 250), (byte) (n % 250 + 1)};
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
