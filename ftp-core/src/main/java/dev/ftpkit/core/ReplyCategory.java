package dev.ftpkit.core;

/** The first digit of a reply code (RFC 959 §4.2.1). */
public enum ReplyCategory {
    /** 1yz: positive preliminary reply, expect another reply. */
    PRELIMINARY,
    /** 2yz: positive completion reply. */
    COMPLETION,
    /** 3yz: positive intermediate reply, send the next command of the sequence. */
    INTERMEDIATE,
    /** 4yz: transient negative completion reply, may be retried. */
    TRANSIENT_NEGATIVE,
    /** 5yz: permanent negative completion reply. */
    PERMANENT_NEGATIVE;

    /**
     * Returns the category of a first digit.
     *
     * @param digit 1..5
     * @return the category
     * @throws IllegalArgumentException if the digit is not 1..5
     */
    public static ReplyCategory ofDigit(int digit) {
        if (digit < 1 || digit > 5) {
            throw new IllegalArgumentException("reply category digit must be 1..5: " + digit);
        }
        return values()[digit - 1];
    }
}
