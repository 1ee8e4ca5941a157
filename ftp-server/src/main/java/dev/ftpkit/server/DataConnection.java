package dev.ftpkit.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open data connection (passive or active), opened by {@link FtpSession#openDataConnection(String)}.
 * Closing it ends the transfer; ABOR closes it from the control connection.
 */
public interface DataConnection extends Closeable {

    /**
     * The stream the client's upload arrives on.
     *
     * @return the input stream
     * @throws IOException if the connection is closed
     */
    InputStream input() throws IOException;

    /**
     * The stream a download goes to (buffered; flushed on close).
     *
     * @return the output stream
     * @throws IOException if the connection is closed
     */
    OutputStream output() throws IOException;

    /**
     * Flushes and closes the connection.
     *
     * @throws IOException if the last bytes could not be sent
     */
    @Override
    void close() throws IOException;
}
