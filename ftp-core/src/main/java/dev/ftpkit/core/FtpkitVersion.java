package dev.ftpkit.core;

/** The library's name and version, as shown by the command line and in server greetings. */
public final class FtpkitVersion {
    /** The version of this build. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private FtpkitVersion() {
    }
}
