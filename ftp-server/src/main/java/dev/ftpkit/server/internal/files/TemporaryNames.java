package dev.ftpkit.server.internal.files;

/** Names the server gives its own temporary files (uploads in progress, directories being made); listings hide them. */
public final class TemporaryNames {

    /** Every temporary name starts with this. */
    public static final String PREFIX = ".ftpkit-upload-";

    private TemporaryNames() {
    }
}
