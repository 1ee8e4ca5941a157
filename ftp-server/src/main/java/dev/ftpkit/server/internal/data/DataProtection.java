package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.net.Socket;

/** What data connections need from the session's FTPS state (RFC 4217): whether they may open, and their TLS layer. */
public interface DataProtection {

    /** Plain FTP: every data connection may open and stays in plaintext. */
    DataProtection NONE = new DataProtection() {
        @Override
        public void checkAllowed() {
        }

        @Override
        public Socket protect(Socket socket, Transfer transfer) {
            return socket;
        }
    };

    /**
     * Fails unless a data connection may open now.
     *
     * @throws DataChannelException {@code PROTECTION_REQUIRED} if the server requires PROT P and it is not in effect
     */
    void checkAllowed() throws DataChannelException;

    /**
     * The socket a transfer uses: a TLS layer over the connection under PROT P, else the connection itself.
     *
     * @param socket   the connected data socket
     * @param transfer the transfer it belongs to, or null
     * @return the socket to transfer over
     * @throws IOException if the TLS handshake fails or the session was not resumed
     */
    Socket protect(Socket socket, Transfer transfer) throws IOException;
}
