package dev.ftpkit.client.sync;

import java.io.IOException;

/**
 * Told what a {@link Mirror} does. The transfer methods are called from the mirror's worker threads, one call at a
 * time (never concurrently), so an implementation needs no locking of its own but must be cheap.
 */
public interface MirrorListener {

    /** A listener that does nothing. */
    MirrorListener NONE = new MirrorListener() {
        @Override
        public String toString() {
            return "MirrorListener.NONE";
        }
    };

    /**
     * The plan is known (before anything changes; a dry run ends here).
     *
     * @param plan the plan, including what is skipped and why
     */
    default void planned(MirrorPlan plan) {
    }

    /**
     * Bytes moved or a file finished; called after every buffer of every transfer.
     *
     * @param progress the whole mirror's progress
     */
    default void progress(MirrorProgress progress) {
    }

    /**
     * A step of the plan is done.
     *
     * @param step the step
     */
    default void done(MirrorPlan.Step step) {
    }

    /**
     * A step failed for good (after its retries); the mirror goes on with the other steps.
     *
     * @param step    the step
     * @param failure why
     */
    default void failed(MirrorPlan.Step step, IOException failure) {
    }
}
