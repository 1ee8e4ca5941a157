package dev.ftpkit.server;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2 password hashes for {@link InMemoryUsers}, encoded as one string that carries its own parameters:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded Base64).
 */
public final class PasswordHash {

    /** The iteration count used by {@link #hash(char[])} (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /**
     * Hashes a password with a fresh random salt and {@link #DEFAULT_ITERATIONS}.
     *
     * @param password the password
     * @return the encoded hash
     */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password   the password
     * @param iterations the PBKDF2 iteration count, at least 1 (fewer is faster and weaker: tests only)
     * @return the encoded hash
     * @throws IllegalArgumentException if iterations is not positive
     */
    public static String hash(char[] password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * Checks a password against an encoded hash, in time independent of where the bytes differ.
     *
     * @param password the password to check
     * @param encoded  a hash made by {@link #hash(char[], int)}
     * @return true if the password matches
     * @throws IllegalArgumentException if {@code encoded} is not such a hash
     */
    public static boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        int iterations;
        byte[] salt;
        byte[] expected;
        try {
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + PREFIX + " hash", e);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("malformed " + PREFIX + " hash: iterations " + iterations);
        }
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /**
     * Tells whether a string looks like a hash made by this class.
     *
     * @param encoded any text
     * @return true if {@link #verify(char[], String)} accepts it
     */
    public static boolean isHash(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        return parts.length == 4 && parts[0].equals(PREFIX) && parts[1].matches("[1-9][0-9]{0,8}")
                && parts[2].matches("[A-Za-z0-9+/]+") && parts[3].matches("[A-Za-z0-9+/]+");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
