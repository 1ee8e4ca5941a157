package dev.ftpkit.server;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain socket that counts the TLS records written to it, for a client's socket factory. */
final class WrittenRecordsSocket extends java.net.Socket {

    private final AtomicInteger records = new AtomicInteger();

    /** The records whose header has been written so far. */
    int records() {
        return records.get();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        RecordCountingSocket.RecordParser parser = new RecordCountingSocket.RecordParser(records::incrementAndGet);
        return new FilterOutputStream(super.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                parser.see(b, off, len);
                out.write(b, off, len);
            }
        };
    }
}
