package dev.ftpkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A file's checksum: the algorithm and its value in hex, as a server reports it (HASH, draft-bryan-ftpext-hash; or
 * XSHA256, XSHA1, XMD5, XCRC) or as computed from a local file with {@link #of(Path, String)}.
 *
 * @param algorithm one of {@link #ALGORITHMS}: {@code SHA-256}, {@code SHA-1}, {@code MD5}, {@code CRC32}
 * @param hex       the value in lower-case hex
 */
public record FileHash(String algorithm, String hex) {

    /** The algorithms the client knows, strongest first: the order it prefers them in. */
    public static final List<String> ALGORITHMS = List.of("SHA-256", "SHA-1", "MD5", "CRC32");

    private static final int BUFFER = 64 * 1024;

    /**
     * Validates and normalises: the algorithm in its canonical spelling, the hex in lower case.
     *
     * @throws IllegalArgumentException if the algorithm is unknown or the value is not hex
     */
    public FileHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        String canonical = canonicalAlgorithm(algorithm);
        if (canonical == null) {
            throw new IllegalArgumentException("unknown hash algorithm: " + algorithm);
        }
        algorithm = canonical;
        if (hex.isEmpty() || hex.length() > 128 || !hex.chars().allMatch(FileHash::isHexDigit)) {
            throw new IllegalArgumentException("not a hex value: " + hex);
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    /**
     * The canonical name for a spelling servers use ({@code sha256}, {@code SHA-256}, {@code crc32}...).
     *
     * @param name the name as written
     * @return one of {@link #ALGORITHMS}, or null when unknown
     */
    public static String canonicalAlgorithm(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (String algorithm : ALGORITHMS) {
            if (algorithm.equals(upper) || algorithm.replace("-", "").equals(upper)) {
                return algorithm;
            }
        }
        return null;
    }

    /**
     * Computes a local file's hash.
     *
     * @param file      the file
     * @param algorithm one of {@link #ALGORITHMS}
     * @return the hash
     * @throws IOException if the file cannot be read
     */
    public static FileHash of(Path file, String algorithm) throws IOException {
        String canonical = Objects.requireNonNull(canonicalAlgorithm(algorithm), "unknown algorithm " + algorithm);
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            if (canonical.equals("CRC32")) {
                CRC32 crc = new CRC32();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
                return new FileHash(canonical, String.format(Locale.ROOT, "%08x", crc.getValue()));
            }
            MessageDigest digest = MessageDigest.getInstance(canonical);
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return new FileHash(canonical, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(canonical + " is missing from this JDK", e);
        }
    }

    /**
     * Tells whether a local file has this hash.
     *
     * @param file the file
     * @return true when the file's hash with this algorithm equals this value
     * @throws IOException if the file cannot be read
     */
    public boolean matches(Path file) throws IOException {
        return equals(of(file, algorithm));
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
