package dev.ftpkit.server.internal;

import java.time.Duration;

/** The checks settings builders make, each failing with a message that names the option. */
public final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * Fails unless a duration is positive.
     *
     * @param duration the value, possibly null
     * @param option   the option's name
     * @throws IllegalArgumentException naming the option
     */
    public static void requirePositive(Duration duration, String option) {
        require(duration != null && !duration.isNegative() && !duration.isZero(),
                option + " must be positive: " + duration);
    }

    /**
     * Fails unless a condition holds.
     *
     * @param condition the condition
     * @param message   the message, naming the option
     * @throws IllegalArgumentException with the message
     */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
