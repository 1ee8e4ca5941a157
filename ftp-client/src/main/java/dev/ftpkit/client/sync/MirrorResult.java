package dev.ftpkit.client.sync;

import java.io.IOException;
import java.util.List;

/**
 * What a mirror did.
 *
 * @param plan             the plan it followed (for a dry run: the plan alone)
 * @param filesTransferred the files copied
 * @param bytesTransferred the bytes of those files
 * @param removed          the entries deleted
 * @param failures         the steps that failed for good, with why
 */
public record MirrorResult(MirrorPlan plan, int filesTransferred, long bytesTransferred, int removed,
                           List<Failure> failures) {

    /**
     * A step that failed.
     *
     * @param step  the step
     * @param error why
     */
    public record Failure(MirrorPlan.Step step, IOException error) {
    }

    /** Copies the list. */
    public MirrorResult {
        failures = List.copyOf(failures);
    }

    /**
     * Tells whether every step succeeded.
     *
     * @return true without failures
     */
    public boolean isComplete() {
        return failures.isEmpty();
    }
}
