package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes one directory tree equal to another, between a server and the local file system, in either direction.
 *
 * <p><b>What is copied:</b> a file missing on the target side, or whose size differs, or whose modification time
 * differs (whole seconds). After a download the local file gets the server's time (MLSD {@code modify}, else MDTM),
 * so a second run copies nothing. After an upload the server's time is set with MFMT when the server offers it;
 * without MFMT the server's times are upload times, so uploads compare the size alone (nothing is remembered between
 * runs). With {@link Builder#verify(boolean) verify} and a server that offers HASH, XSHA256, XSHA1, XMD5 or XCRC,
 * files of equal size are compared by hash instead of time, and every copied file is checked against the server's
 * hash. The decision is {@link MirrorPlan#compute}, a pure function of the two listings.
 *
 * <p><b>What is left alone:</b> symbolic links on either side are never followed nor copied, and reported as
 * skipped; so are special files. Entries matching an {@linkplain Builder#exclude(String) exclude} pattern are
 * neither copied nor deleted. Nothing on the target side is removed unless {@link Builder#delete(boolean) delete}
 * is set. A {@link Builder#dryRun(boolean) dry run} lists both trees, reports the plan and changes nothing.
 *
 * <p><b>How:</b> one connection lists, creates directories and deletes; {@link Builder#parallelism(int) N} more
 * copy files at once. A download is written to {@code .NAME.ftpkit-part} next to its target and renamed onto it when
 * complete, so an interrupted run never leaves a half file under the real name; a retried download resumes the part
 * (REST), a retried upload starts over (with atomic uploads the server still holds the old file, which a resume
 * would take for the start of the new one). A file that fails for good is reported and the others go on.
 *
 * <pre>{@code
 * FtpEndpoint server = new FtpEndpoint(FtpClientConfig.defaults(), "ftp.example.com", 21, "alice", "secret");
 * MirrorResult result = Mirror.download(server, "/pub", Path.of("pub")).parallelism(4).delete(true)
 *         .exclude("*.tmp").build().run();
 * }</pre>
 */
public final class Mirror {

    /** The most connections copying at once. */
    public static final int MAX_PARALLELISM = 32;

    /** Which way the files go. */
    public enum Direction {
        /** From the server to the local directory. */
        DOWNLOAD,
        /** From the local directory to the server. */
        UPLOAD
    }

    private final MirrorSettings settings;

    private Mirror(MirrorSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts a builder for a mirror from the server to a local directory.
     *
     * @param endpoint  where to connect
     * @param remoteDir the remote directory ({@code ""}: the login directory)
     * @param localDir  the local directory (created when missing)
     * @return the builder
     */
    public static Builder download(FtpEndpoint endpoint, String remoteDir, Path localDir) {
        return new Builder(Direction.DOWNLOAD, endpoint, remoteDir, localDir);
    }

    /**
     * Starts a builder for a mirror from a local directory to the server.
     *
     * @param endpoint  where to connect
     * @param localDir  the local directory
     * @param remoteDir the remote directory (created when missing)
     * @return the builder
     */
    public static Builder upload(FtpEndpoint endpoint, Path localDir, String remoteDir) {
        return new Builder(Direction.UPLOAD, endpoint, remoteDir, localDir);
    }

    /**
     * Runs the mirror.
     *
     * @return what it did; failed steps are in {@link MirrorResult#failures()}
     * @throws IOException if connecting or listing fails (nothing was changed then)
     */
    public MirrorResult run() throws IOException {
        return new MirrorRun(settings).run();
    }

    /** Builds a {@link Mirror}. */
    public static final class Builder {
        private final Direction direction;
        private final FtpEndpoint endpoint;
        private final String remoteDir;
        private final Path localDir;
        private boolean delete;
        private boolean dryRun;
        private boolean verify;
        private int parallelism = 1;
        private final List<Glob> excludes = new ArrayList<>();
        private RetryPolicy retry = RetryPolicy.NONE;
        private MirrorListener listener = MirrorListener.NONE;

        private Builder(Direction direction, FtpEndpoint endpoint, String remoteDir, Path localDir) {
            this.direction = direction;
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.remoteDir = Objects.requireNonNull(remoteDir, "remoteDir");
            this.localDir = Objects.requireNonNull(localDir, "localDir");
        }

        /**
         * Removes target entries that are gone on the source side (default false: never without asking).
         *
         * @param on true to delete
         * @return this builder
         */
        public Builder delete(boolean on) {
            this.delete = on;
            return this;
        }

        /**
         * Lists and plans only, changing nothing (default false).
         *
         * @param on true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean on) {
            this.dryRun = on;
            return this;
        }

        /**
         * Compares and checks files with the server's hash when it offers one (default false).
         *
         * @param on true to verify
         * @return this builder
         */
        public Builder verify(boolean on) {
            this.verify = on;
            return this;
        }

        /**
         * How many files to copy at once, each on its own connection (default 1).
         *
         * @param n 1..{@value Mirror#MAX_PARALLELISM}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder parallelism(int n) {
            if (n < 1 || n > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be within 1.." + MAX_PARALLELISM + ": " + n);
            }
            this.parallelism = n;
            return this;
        }

        /**
         * Leaves out entries matching a pattern: {@code *} and {@code ?} only; without {@code /} it is matched
         * against each name (an excluded directory's contents are left out too), with {@code /} against the path
         * relative to the root. At most 100 patterns of at most 256 characters, matched in linear-bounded time.
         *
         * @param glob the pattern
         * @return this builder
         * @throws IllegalArgumentException if the pattern is empty or too long, or there are too many
         */
        public Builder exclude(String glob) {
            if (excludes.size() >= Glob.MAX_PATTERNS) {
                throw new IllegalArgumentException("exclude: at most " + Glob.MAX_PATTERNS + " patterns");
            }
            excludes.add(Glob.compile(Objects.requireNonNull(glob, "exclude")));
            return this;
        }

        /**
         * How to retry a file after a transient failure (default {@link RetryPolicy#NONE}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry");
            return this;
        }

        /**
         * Told the plan, the progress and each step's outcome.
         *
         * @param mirrorListener the listener (default {@link MirrorListener#NONE})
         * @return this builder
         */
        public Builder listener(MirrorListener mirrorListener) {
            this.listener = Objects.requireNonNull(mirrorListener, "listener");
            return this;
        }

        /**
         * Builds the mirror.
         *
         * @return the mirror
         * @throws IllegalArgumentException if the endpoint's transfer type is not binary
         */
        public Mirror build() {
            if (endpoint.config().transferType() != dev.ftpkit.client.TransferType.BINARY) {
                throw new IllegalArgumentException("endpoint: a mirror needs the binary transfer type");
            }
            return new Mirror(new MirrorSettings(direction, endpoint, remoteDir, localDir, delete, dryRun, verify,
                    parallelism, List.copyOf(excludes), retry, listener));
        }
    }
}
