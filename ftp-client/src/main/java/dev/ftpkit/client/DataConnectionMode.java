package dev.ftpkit.client;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client opens data connections: {@link #passive()} (the default) or {@link #active()}.
 */
public sealed interface DataConnectionMode permits DataConnectionMode.Passive, DataConnectionMode.Active {

    /**
     * Passive mode with EPSV first, PASV when EPSV is refused, and the address of a 227 reply ignored.
     *
     * @return the default passive mode
     */
    static Passive passive() {
        return new Passive(true, false);
    }

    /**
     * Active mode listening on the control connection's local address, any free port.
     *
     * @return the default active mode
     */
    static Active active() {
        return new Active(Optional.empty(), 0, 0);
    }

    /**
     * Passive mode: the client connects to the server (RFC 2428 EPSV, RFC 959 PASV).
     *
     * <p>EPSV is tried first (when {@code useEpsv}); once the server refuses it the connection uses PASV for the
     * rest of its life. The address in a 227 reply is ignored and the client connects to the control
     * connection's peer instead, unless {@code trustPassiveAddress}: a server (or anyone who can forge its reply)
     * could otherwise point the client at a third host (CVE-2021-37533 in Commons Net).
     *
     * @param useEpsv             try EPSV before PASV
     * @param trustPassiveAddress connect to the address a 227 reply names instead of the control peer
     */
    record Passive(boolean useEpsv, boolean trustPassiveAddress) implements DataConnectionMode {

        /**
         * Returns this mode without EPSV (PASV only).
         *
         * @return a copy with {@code useEpsv} false
         */
        public Passive withoutEpsv() {
            return new Passive(false, trustPassiveAddress);
        }

        /**
         * Returns this mode trusting the address of 227 replies.
         *
         * @return a copy with {@code trustPassiveAddress} true
         */
        public Passive trustingPassiveAddress() {
            return new Passive(useEpsv, true);
        }
    }

    /**
     * Active mode: the client listens and the server connects to it (RFC 959 PORT; RFC 2428 EPRT for IPv6).
     *
     * <p>The listener is bound to the control connection's local address and accepts only a connection from the
     * server's address, within the connect timeout.
     *
     * @param advertisedAddress the address sent in PORT/EPRT instead of the listener's (e.g. behind NAT)
     * @param minPort           the lowest local port to listen on, or 0 with {@code maxPort} 0 for any port
     * @param maxPort           the highest local port to listen on
     */
    record Active(Optional<InetAddress> advertisedAddress, int minPort, int maxPort) implements DataConnectionMode {

        /**
         * Validates the port range.
         *
         * @throws IllegalArgumentException if a port is outside 0..65535, or {@code minPort > maxPort}, or
         *                                  exactly one of them is 0
         */
        public Active {
            Objects.requireNonNull(advertisedAddress, "advertisedAddress");
            if (minPort < 0 || minPort > 65535 || maxPort < 0 || maxPort > 65535) {
                throw new IllegalArgumentException("active port range must be within 0..65535: " + minPort + ".." + maxPort);
            }
            if (minPort > maxPort || (minPort == 0) != (maxPort == 0)) {
                throw new IllegalArgumentException("active port range is invalid: " + minPort + ".." + maxPort);
            }
        }

        /**
         * Returns this mode advertising another address in PORT/EPRT.
         *
         * @param address the address to advertise
         * @return a copy with the advertised address
         */
        public Active advertising(InetAddress address) {
            return new Active(Optional.of(address), minPort, maxPort);
        }

        /**
         * Returns this mode listening on a port within the range.
         *
         * @param min the lowest port, 1..65535
         * @param max the highest port, min..65535
         * @return a copy with the port range
         * @throws IllegalArgumentException if the range is invalid
         */
        public Active portRange(int min, int max) {
            if (min < 1) {
                throw new IllegalArgumentException("active port range must start at 1 or above: " + min);
            }
            return new Active(advertisedAddress, min, max);
        }
    }
}
