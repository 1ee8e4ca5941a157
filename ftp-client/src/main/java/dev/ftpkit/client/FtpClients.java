package dev.ftpkit.client;

/** Placeholder until the client lands. */
public final class FtpClients {
    private FtpClients() {
    }
}
