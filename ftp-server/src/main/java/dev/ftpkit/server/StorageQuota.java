package dev.ftpkit.server;

import java.nio.channels.SeekableByteChannel;

/**
 * The storage quota of the session's account as the handlers that change files use it
 * ({@link CommandContext#quota()}): an upload is {@linkplain #startUpload started}, writes through the channel the
 * upload hands out and is {@linkplain Upload#settle settled} with the target's final state; deletions are
 * {@linkplain #removed reported}. Without a quota all of it is {@link #UNLIMITED}, which changes nothing.
 */
public interface StorageQuota {

    /** No quota: uploads are not counted and their channels are not wrapped. */
    StorageQuota UNLIMITED = new StorageQuota() {
        @Override
        public Upload startUpload(String file, long sizeBefore, boolean existedBefore, long keptBytes) {
            return Upload.UNCOUNTED;
        }

        @Override
        public void removed(long bytes, long files) {
            // nothing is counted
        }
    };

    /**
     * Starts counting an upload into a target.
     *
     * @param file          the target's FTP path, for the exception's message
     * @param sizeBefore    the target's size now (0 if it does not exist)
     * @param existedBefore whether the target exists now as a regular file
     * @param keptBytes     how many of its bytes the result keeps before the new ones (APPE: all; REST: the offset;
     *                      STOR: none)
     * @return the upload, to be settled in a {@code finally}
     * @throws QuotaExceededException if the upload would create a file beyond the file limit
     */
    Upload startUpload(String file, long sizeBefore, boolean existedBefore, long keptBytes)
            throws QuotaExceededException;

    /**
     * Frees room at once after files were deleted or overwritten (DELE, RNTO onto a file).
     *
     * @param bytes the bytes they held
     * @param files how many regular files went
     */
    void removed(long bytes, long files);

    /** One upload being counted. */
    interface Upload {

        /** The upload of an account without a quota. */
        Upload UNCOUNTED = new Upload() {
            @Override
            public SeekableByteChannel track(SeekableByteChannel file) {
                return file;
            }

            @Override
            public void settle(long sizeAfter, boolean existsAfter) {
                // nothing is counted
            }
        };

        /**
         * The channel to write the upload through: a write that would pass the quota throws
         * {@link QuotaExceededException} before anything of it is written.
         *
         * @param file the target's (or the temporary file's) channel
         * @return a counting channel, or {@code file} itself without a quota
         */
        SeekableByteChannel track(SeekableByteChannel file);

        /**
         * Ends the upload: the usage becomes what the target holds now. Call it once, whether the upload succeeded
         * or failed (with the state the failure left).
         *
         * @param sizeAfter   the target's size now (0 if it does not exist)
         * @param existsAfter whether the target exists now
         */
        void settle(long sizeAfter, boolean existsAfter);
    }
}
