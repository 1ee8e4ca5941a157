package dev.ftpkit.server.internal.limits;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * Wraps a data connection's streams in a {@link TokenBucket}, once per transfer. A rate of 0 returns the stream
 * itself: an unlimited session pays not one call more.
 */
public final class Throttled {

    private Throttled() {
    }

    /**
     * The stream, limited to a rate.
     *
     * @param in             the stream
     * @param bytesPerSecond the rate; 0 for none
     * @param nanoClock      the time in nanoseconds
     * @param pause          how to wait
     * @return {@code in} itself for 0, else a stream that reads at most the rate
     */
    public static InputStream input(InputStream in, long bytesPerSecond, LongSupplier nanoClock,
                                    TokenBucket.Pause pause) {
        return bytesPerSecond == 0 ? in : new Input(in, new TokenBucket(bytesPerSecond, nanoClock, pause));
    }

    /**
     * The stream, limited to a rate.
     *
     * @param out            the stream
     * @param bytesPerSecond the rate; 0 for none
     * @param nanoClock      the time in nanoseconds
     * @param pause          how to wait
     * @return {@code out} itself for 0, else a stream that writes at most the rate
     */
    public static OutputStream output(OutputStream out, long bytesPerSecond, LongSupplier nanoClock,
                                      TokenBucket.Pause pause) {
        return bytesPerSecond == 0 ? out : new Output(out, new TokenBucket(bytesPerSecond, nanoClock, pause));
    }

    /**
     * Whether a stream was limited by this class.
     *
     * @param stream a stream
     * @return true if it is a throttled wrapper
     */
    public static boolean isThrottled(Object stream) {
        return stream instanceof Input || stream instanceof Output;
    }

    /** Reads at most a chunk at a time and pays for what arrived before the next read (TCP holds the sender). */
    private static final class Input extends FilterInputStream {
        private final TokenBucket bucket;

        Input(InputStream in, TokenBucket bucket) {
            super(in);
            this.bucket = bucket;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bucket.take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, Math.min(len, bucket.chunk()));
            if (n > 0) {
                bucket.take(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, bucket.chunk()));
            if (skipped > 0) {
                bucket.take(skipped);
            }
            return skipped;
        }
    }

    /** Writes a chunk at a time, each after paying for it. */
    private static final class Output extends FilterOutputStream {
        private final TokenBucket bucket;

        Output(OutputStream out, TokenBucket bucket) {
            super(out);
            this.bucket = bucket;
        }

        @Override
        public void write(int b) throws IOException {
            bucket.take(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int chunk = bucket.chunk();
            for (int done = 0; done < len; ) {
                int piece = Math.min(chunk, len - done);
                bucket.take(piece);
                out.write(b, off + done, piece);
                done += piece;
            }
        }
    }
}
