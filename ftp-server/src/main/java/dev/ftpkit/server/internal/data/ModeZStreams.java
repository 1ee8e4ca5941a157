package dev.ftpkit.server.internal.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The MODE Z wrappers of a data connection's streams ({@link dev.ftpkit.core.ModeZ}): one zlib stream per
 * transfer, chosen once when the connection opens. A zlib stream that ends early or is not zlib at all fails the
 * transfer like a broken connection (426), so a truncated upload is never committed.
 */
final class ModeZStreams {

    private ModeZStreams() {
    }

    /**
     * Deflates what the transfer writes; {@link #end()} writes the end of the zlib stream if the transfer sent
     * anything (a download, even of an empty file, flushes; an upload never touches this side).
     */
    static final class Deflating extends DeflaterOutputStream {
        private boolean sending;

        Deflating(OutputStream out, int level) {
            super(out, new Deflater(level), SocketDataConnection.BUFFER_SIZE);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sending = true;
            super.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            sending = true;
            super.flush();
        }

        /** Finishes the zlib stream of a download, flushes it and frees the compressor; the connection stays open. */
        void end() throws IOException {
            try {
                if (sending) {
                    finish();
                    out.flush();
                }
            } finally {
                def.end();
            }
        }
    }

    /** Inflates what the client sends; the end of the zlib stream is the end of the data. */
    static final class Inflating extends InflaterInputStream {
        Inflating(InputStream in) {
            super(in, new Inflater(), SocketDataConnection.BUFFER_SIZE);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                // the connection closed inside the zlib stream, or the bytes are no zlib stream
                throw new DataConnectionException("MODE Z data incomplete or corrupt", e);
            }
        }

        /** Frees the decompressor. */
        void end() {
            inf.end();
        }
    }
}
