package dev.ftpkit.server;

/** Placeholder until the server lands. */
public final class FtpServers {
    private FtpServers() {
    }
}
