package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import java.nio.file.Path;
import java.util.List;

/** A {@link Mirror}'s settings, fixed when it is built. */
record MirrorSettings(Mirror.Direction direction, FtpEndpoint endpoint, String remoteDir, Path localDir,
                      boolean delete, boolean dryRun, boolean verify, int parallelism, List<Glob> excludes,
                      RetryPolicy retry, MirrorListener listener) {

    boolean downloading() {
        return direction == Mirror.Direction.DOWNLOAD;
    }

    /** The local path of a relative path. */
    Path local(String relative) {
        return relative.isEmpty() ? localDir : localDir.resolve(relative);
    }

    /** The remote path of a relative path. */
    String remote(String relative) {
        return RemoteTree.remotePath(remoteDir, relative);
    }
}
