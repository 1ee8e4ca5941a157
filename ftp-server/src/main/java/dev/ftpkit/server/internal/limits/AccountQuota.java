package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.Quota;
import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.StorageQuota;
import dev.ftpkit.server.internal.files.ForwardingByteChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** The {@link StorageQuota} of a logged-in account: its {@link Quota} over the usage of its home. */
final class AccountQuota implements StorageQuota {

    private final Quota quota;
    private final QuotaUsage usage;

    AccountQuota(Quota quota, QuotaUsage usage) {
        this.quota = quota;
        this.usage = usage;
    }

    @Override
    public Upload startUpload(String file, long sizeBefore, boolean existedBefore, long keptBytes)
            throws QuotaExceededException {
        if (!existedBefore && usage.files() >= quota.maxFiles()) {
            throw new QuotaExceededException(file, "file limit of " + quota.maxFiles() + " reached");
        }
        return new Counted(file, sizeBefore, existedBefore, keptBytes);
    }

    @Override
    public void removed(long bytes, long files) {
        usage.settle(0, -bytes, -files);
    }

    /** One upload: each write reserves its bytes first, so a write that would pass the quota writes nothing. */
    private final class Counted implements Upload {
        private final String file;
        private final long sizeBefore;
        private final boolean existedBefore;
        /** What the result will hold besides the new bytes; beyond {@code sizeBefore} the upload needs room. */
        private final long keptBytes;
        private long written;
        private long reservation;
        private boolean settled;

        Counted(String file, long sizeBefore, boolean existedBefore, long keptBytes) {
            this.file = file;
            this.sizeBefore = sizeBefore;
            this.existedBefore = existedBefore;
            this.keptBytes = keptBytes;
        }

        /** The reservation the upload needs once {@code bytes} more are written. */
        private synchronized void account(long bytes) throws QuotaExceededException {
            long needed = Math.max(0, keptBytes + written + bytes - sizeBefore);
            long more = needed - reservation;
            if (more > 0 && !usage.reserve(more, quota.maxBytes())) {
                throw new QuotaExceededException(file, "quota of " + quota.maxBytes() + " bytes exceeded");
            }
            reservation = Math.max(reservation, needed);
            written += bytes;
        }

        private synchronized void unwritten(long bytes) {
            written -= bytes;
        }

        @Override
        public SeekableByteChannel track(SeekableByteChannel channel) {
            return new ForwardingByteChannel(channel) {
                @Override
                public int write(ByteBuffer source) throws IOException {
                    int offered = source.remaining();
                    account(offered);
                    int done = channel.write(source);
                    if (done < offered) {
                        unwritten(offered - done); // the caller writes the rest again
                    }
                    return done;
                }
            };
        }

        @Override
        public synchronized void settle(long sizeAfter, boolean existsAfter) {
            if (settled) {
                return;
            }
            settled = true;
            long before = existedBefore ? sizeBefore : 0;
            long after = existsAfter ? sizeAfter : 0;
            usage.settle(reservation, after - before, (existsAfter ? 1 : 0) - (existedBefore ? 1 : 0));
        }
    }
}
