package dev.ftpkit.core;

/** The second digit of a reply code (RFC 959 §4.2.1). */
public enum ReplyFunction {
    /** x0z: syntax errors, superfluous and unimplemented commands. */
    SYNTAX,
    /** x1z: replies to requests for information (status, help). */
    INFORMATION,
    /** x2z: control and data connections. */
    CONNECTIONS,
    /** x3z: authentication and accounting. */
    AUTHENTICATION,
    /** x4z: unspecified as yet; also used here for the undefined second digits 6..9. */
    UNSPECIFIED,
    /** x5z: file system status. */
    FILE_SYSTEM;

    /**
     * Returns the function of a second digit. RFC 959 defines 0..5; 6..9 map to {@link #UNSPECIFIED}.
     *
     * @param digit 0..9
     * @return the function
     * @throws IllegalArgumentException if the digit is not 0..9
     */
    public static ReplyFunction ofDigit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("reply function digit must be 0..9: " + digit);
        }
        return digit <= 5 ? values()[digit] : UNSPECIFIED;
    }
}
