package dev.ftpkit.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * An open data connection (passive or active), opened by {@link FtpSession#openDataConnection(String)} or
 * {@link DataConnections#open(String)}. It converts for TYPE A as the session's type was when it opened.
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
     * Sends a file from its current position to its end, converting line ends to CRLF under TYPE A
     * (RFC 959 §3.1.1.1).
     *
     * @param file the file, positioned where the download starts
     * @return the bytes read from the file
     * @throws IOException if the file or the connection fails
     */
    long sendFile(SeekableByteChannel file) throws IOException;

    /**
     * Sends a file like {@link #sendFile(SeekableByteChannel)}; knowing where the file lives lets the connection
     * choose how to move it (the server's own connections use {@code sendfile} where that was measured to be the
     * faster way from the file's store, else a copy through a direct buffer). This default ignores {@code source}.
     *
     * @param file   the file, positioned where the download starts
     * @param source the path {@code file} was opened from
     * @return the bytes read from the file
     * @throws IOException if the file or the connection fails
     */
    default long sendFile(SeekableByteChannel file, Path source) throws IOException {
        return sendFile(file);
    }

    /**
     * Writes the whole upload into a file, converting CRLF to LF under TYPE A.
     *
     * @param file the file, positioned where the upload goes
     * @return the bytes that arrived over the connection
     * @throws IOException if the file or the connection fails
     */
    long receiveFile(SeekableByteChannel file) throws IOException;

    /**
     * Ends the connection with a reset instead of a clean end, when what was sent is not all there is (a listing
     * that failed midway): a client that reads to the end must not take the end for success.
     */
    void abort();

    /**
     * Flushes and closes the connection.
     *
     * @throws IOException if the last bytes could not be sent
     */
    @Override
    void close() throws IOException;
}
