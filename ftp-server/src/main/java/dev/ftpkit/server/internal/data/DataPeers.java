package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Whose data connection an accepted socket is: its source address, or, behind a load balancer that forwards
 * data connections too, the client address of the PROXY header it begins with.
 */
@FunctionalInterface
public interface DataPeers {

    /** The socket's own source address. */
    DataPeers DIRECT = Socket::getInetAddress;

    /**
     * The client address an accepted data connection stands for.
     *
     * @param accepted the accepted socket
     * @return the client's address
     * @throws IOException if the socket must be refused (a bad or missing PROXY header)
     */
    InetAddress clientOf(Socket accepted) throws IOException;
}
