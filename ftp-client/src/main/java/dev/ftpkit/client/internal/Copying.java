package dev.ftpkit.client.internal;

import dev.ftpkit.client.TransferType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies between local streams and a transfer's data streams, applying the ASCII conversion, and aborts the
 * transfer when the local side fails so the control connection stays usable.
 */
final class Copying {

    private Copying() {
    }

    static void abortQuietly(DataTransfer transfer, Exception failure) {
        try {
            transfer.abort();
        } catch (IOException abortFailure) {
            failure.addSuppressed(abortFailure);
        }
    }

    static InputStream downloadStream(DataTransfer transfer, TransferType type) throws IOException {
        InputStream in = transfer.input();
        return type == TransferType.ASCII ? new AsciiInputStream(in, System.lineSeparator()) : in;
    }

    static long copyDownload(DataTransfer transfer, OutputStream out, TransferType type, int bufferSize)
            throws IOException {
        byte[] buffer = new byte[bufferSize];
        try (InputStream in = downloadStream(transfer, type)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException localFailure) {
                    // The local side failed: abort the transfer so the connection stays usable, then report.
                    try {
                        transfer.abort();
                    } catch (IOException abortFailure) {
                        localFailure.addSuppressed(abortFailure);
                    }
                    throw localFailure;
                }
            }
        }
        return transfer.bytes();
    }

    static OutputStream uploadStream(DataTransfer transfer, TransferType type, int bufferSize) throws IOException {
        OutputStream out = new BufferedOutputStream(transfer.output(), transfer.writeSize(bufferSize));
        return type == TransferType.ASCII ? new AsciiOutputStream(out) : out;
    }

    static long copyUpload(DataTransfer transfer, InputStream in, TransferType type, int bufferSize)
            throws IOException {
        byte[] buffer = new byte[transfer.writeSize(bufferSize)];
        OutputStream raw = transfer.output();
        OutputStream out = type == TransferType.ASCII ? new AsciiOutputStream(raw) : raw;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException localFailure) {
                try {
                    transfer.abort();
                } catch (IOException abortFailure) {
                    localFailure.addSuppressed(abortFailure);
                }
                throw localFailure;
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        out.close();
        return transfer.bytes();
    }
}
