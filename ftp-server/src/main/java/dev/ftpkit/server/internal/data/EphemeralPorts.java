package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a passive port comes from when no range is configured: a random port of the system's ephemeral range,
 * bound by number (with {@code SO_REUSEADDR}), as vsftpd does without {@code pasv_min_port}.
 *
 * <p>Why not {@code bind} to port 0: Linux then looks for a port that nothing at all holds, a data connection's
 * TIME_WAIT included, and a server closes every download's data connection first, so each one leaves its port in
 * TIME_WAIT for a minute. A thousand sessions fetching small files (BENCHMARKS.md table 7b) held most of the range
 * that way, and every EPSV then scanned it in the kernel: three quarters of the server's CPU went to the port search
 * ({@code inet_bhash2_conflict}, {@code inet_bind2_bucket_find} in {@code perf}), both cores were busy, and a round
 * took twice as long. A port bound by number with {@code SO_REUSEADDR} may be one whose only holders are such
 * TIME_WAIT connections (they inherited the flag from the listener that accepted them); a port that a listener or
 * a live connection holds fails the bind, and another is tried.
 *
 * <p>Ports the administrator reserved ({@code ip_local_reserved_ports} on Linux) are never picked: the kernel keeps
 * them out of its own automatic choices only, so that a service can bind them by number later, and a passive
 * listener that had taken one by number would keep that service from starting.
 */
final class EphemeralPorts {

    /** Random ports tried before the kernel is asked for one (port 0). */
    static final int TRIES = 16;
    /** Linux's range, where the system's own cannot be read. */
    private static final int LINUX_LOW = 32768;
    private static final int LINUX_HIGH = 60999;
    /** IANA's dynamic ports (RFC 6335), the range of the BSDs, macOS and Windows. */
    private static final int IANA_LOW = 49152;
    private static final int IANA_HIGH = 65535;
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Path LINUX_RESERVED = Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports");
    private static final int PORTS = 65536;

    private final int low;
    private final int high;
    /** The reserved ports; never changed after construction. */
    private final BitSet reserved;

    EphemeralPorts(int low, int high) {
        this(low, high, new BitSet());
    }

    EphemeralPorts(int low, int high, BitSet reserved) {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("bad port range " + low + ".." + high);
        }
        this.low = low;
        this.high = high;
        this.reserved = (BitSet) reserved.clone();
    }

    /** The system's range and reserved ports: Linux's as configured, IANA's range elsewhere. */
    static EphemeralPorts ofSystem() {
        if (!Files.isReadable(LINUX_RANGE)) {
            return new EphemeralPorts(IANA_LOW, IANA_HIGH);
        }
        EphemeralPorts range;
        try {
            range = parse(Files.readString(LINUX_RANGE, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            range = new EphemeralPorts(LINUX_LOW, LINUX_HIGH);
        }
        return new EphemeralPorts(range.low, range.high, readReserved());
    }

    private static BitSet readReserved() {
        try {
            return Files.isReadable(LINUX_RESERVED)
                    ? parseReserved(Files.readString(LINUX_RESERVED, StandardCharsets.US_ASCII)) : new BitSet();
        } catch (IOException e) {
            return new BitSet();
        }
    }

    /**
     * Ports in the form of Linux's {@code ip_local_reserved_ports}: ports and ranges separated by commas
     * ("8080,9148-9150"; an empty line when none is reserved). A part that is not a port or a range of ports is
     * left out; the rest still counts.
     */
    static BitSet parseReserved(String text) {
        BitSet ports = new BitSet();
        for (String part : text.trim().split(",")) {
            int dash = part.indexOf('-');
            String first = (dash < 0 ? part : part.substring(0, dash)).trim();
            String last = (dash < 0 ? part : part.substring(dash + 1)).trim();
            try {
                int from = Integer.parseInt(first);
                int to = Integer.parseInt(last);
                if (from >= 0 && from <= to && to < PORTS) {
                    ports.set(from, to + 1);
                }
            } catch (NumberFormatException notAPort) {
                // left out
            }
        }
        return ports;
    }

    /** The range in the form of Linux's {@code ip_local_port_range} ("32768\t60999"); Linux's default if not. */
    static EphemeralPorts parse(String text) {
        String[] bounds = text.trim().split("\\s+");
        try {
            if (bounds.length == 2) {
                return new EphemeralPorts(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            // fall through to the default
        }
        return new EphemeralPorts(LINUX_LOW, LINUX_HIGH);
    }

    /**
     * A random port of the range that is not reserved: the first one at or after a random start, going round; 0
     * (the kernel's choice, which skips reserved ports itself) when every port of the range is reserved.
     */
    int pick() {
        int start = ThreadLocalRandom.current().nextInt(low, high + 1);
        int port = reserved.nextClearBit(start);
        if (port <= high) {
            return port;
        }
        port = reserved.nextClearBit(low);
        return port < start ? port : 0;
    }

    int low() {
        return low;
    }

    int high() {
        return high;
    }
}
