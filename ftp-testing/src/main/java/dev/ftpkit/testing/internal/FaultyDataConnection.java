package dev.ftpkit.testing.internal;

import dev.ftpkit.server.DataConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.Future;

/**
 * A data connection whose bytes pass a {@link DataFault}. Downloads ({@link #sendFile}) and uploads
 * ({@link #receiveFile}) keep the server's own copying (and TYPE A conversion): the fault sits on the file side of
 * the copy, which moves the same bytes in the same order, and the connection is flushed before each wait.
 */
final class FaultyDataConnection implements DataConnection, DataFault.Connection {

    private final DataConnection delegate;
    private final DataFault fault;
    private final Future<?> giveUp;
    private long passed;

    FaultyDataConnection(DataConnection delegate, DataFault fault, Future<?> giveUp) {
        this.delegate = delegate;
        this.fault = fault;
        this.giveUp = giveUp;
    }

    /** How many of {@code wanted} bytes move now; counts them as moved. */
    private int admit(int wanted) throws IOException {
        int allowed = fault.admit(passed, wanted, this);
        passed += allowed;
        return allowed;
    }

    @Override
    public void flush() throws IOException {
        delegate.output().flush();
    }

    @Override
    public void drop() {
        try {
            delegate.close();
        } catch (IOException ignored) {
            // the fault drops it anyway
        }
    }

    @Override
    public Future<?> giveUp() {
        return giveUp;
    }

    @Override
    public InputStream input() throws IOException {
        InputStream in = delegate.input();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : in.read(b, off, admit(len));
            }
        };
    }

    @Override
    public OutputStream output() throws IOException {
        OutputStream out = delegate.output();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int done = 0;
                while (done < len) { // each round moves at least one byte
                    int n = admit(len - done);
                    out.write(b, off + done, n);
                    done += n;
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    @Override
    public long sendFile(SeekableByteChannel file) throws IOException {
        return delegate.sendFile(new AdmittingChannel(file));
    }

    @Override
    public long receiveFile(SeekableByteChannel file) throws IOException {
        return delegate.receiveFile(new AdmittingChannel(file));
    }

    @Override
    public void abort() {
        delegate.abort();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** The file side of a copy, moving only what the fault admits per call. */
    private final class AdmittingChannel implements SeekableByteChannel {
        private final SeekableByteChannel file;

        AdmittingChannel(SeekableByteChannel file) {
            this.file = file;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!dst.hasRemaining()) {
                return 0;
            }
            if (file.position() >= file.size()) {
                return -1; // the end is no data: a fault after the last byte does not strike
            }
            ByteBuffer slice = dst.slice();
            slice.limit(admit(Math.min(dst.remaining(), (int) Math.min(Integer.MAX_VALUE, file.size() - file.position()))));
            int n = file.read(slice);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int total = 0;
            while (src.hasRemaining()) {
                ByteBuffer slice = src.slice();
                slice.limit(admit(src.remaining()));
                int n = file.write(slice);
                src.position(src.position() + n);
                total += n;
            }
            return total;
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
