package dev.ftpkit.core;

/**
 * A three-digit FTP reply code, 100..599 (RFC 959 §4.2: the first digit 1..5 says whether the
 * response is good, bad or incomplete; the second digit the function group, see §4.2.1).
 *
 * @param value the code, 100..599
 */
public record ReplyCode(int value) {

    /**
     * Validates the code.
     *
     * @throws IllegalArgumentException if the value is not 100..599
     */
    public ReplyCode {
        if (value < 100 || value > 599) {
            throw new IllegalArgumentException("reply code must be 100..599: " + value);
        }
    }

    /**
     * Returns the code for a value.
     *
     * @param value 100..599
     * @return the code
     * @throws IllegalArgumentException if the value is not 100..599
     */
    public static ReplyCode of(int value) {
        return new ReplyCode(value);
    }

    /**
     * Returns the category given by the first digit.
     *
     * @return the category
     */
    public ReplyCategory category() {
        return ReplyCategory.ofDigit(value / 100);
    }

    /**
     * Returns the function group given by the second digit.
     *
     * @return the function group
     */
    public ReplyFunction function() {
        return ReplyFunction.ofDigit(value / 10 % 10);
    }

    /**
     * Tells whether this is a positive reply (1yz, 2yz or 3yz).
     *
     * @return true for 1yz..3yz
     */
    public boolean isPositive() {
        return value < 400;
    }

    /**
     * Tells whether this is a positive preliminary reply (1yz).
     *
     * @return true for 1yz
     */
    public boolean isPositivePreliminary() {
        return category() == ReplyCategory.PRELIMINARY;
    }

    /**
     * Tells whether this is a positive completion reply (2yz).
     *
     * @return true for 2yz
     */
    public boolean isPositiveCompletion() {
        return category() == ReplyCategory.COMPLETION;
    }

    /**
     * Tells whether this is a positive intermediate reply (3yz).
     *
     * @return true for 3yz
     */
    public boolean isPositiveIntermediate() {
        return category() == ReplyCategory.INTERMEDIATE;
    }

    /**
     * Tells whether this is a negative reply (4yz or 5yz).
     *
     * @return true for 4yz and 5yz
     */
    public boolean isNegative() {
        return value >= 400;
    }

    /**
     * Tells whether this is a transient negative reply (4yz).
     *
     * @return true for 4yz
     */
    public boolean isTransientNegative() {
        return category() == ReplyCategory.TRANSIENT_NEGATIVE;
    }

    /**
     * Tells whether this is a permanent negative reply (5yz).
     *
     * @return true for 5yz
     */
    public boolean isPermanentNegative() {
        return category() == ReplyCategory.PERMANENT_NEGATIVE;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
