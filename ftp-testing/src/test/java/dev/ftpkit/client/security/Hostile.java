package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Shared pieces of the client's adversarial suite. */
final class Hostile {

    static final byte[] CONTENT = "0123456789abcdef".repeat(1000).getBytes(StandardCharsets.US_ASCII);

    private Hostile() {
    }

    static FtpClientConfig.Builder fast() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(5));
    }

    static String pasvArgument(String address, int port) {
        return address.replace('.', ',') + "," + (port >> 8) + "," + (port & 0xff);
    }

    static FtpClient loggedIn(ScriptedFtpServer server, FtpClientConfig config) throws Exception {
        FtpClient client = FtpClient.connect(config, server.host(), server.port());
        client.loginAnonymous();
        return client;
    }

    /** RETR answered with the content over the data connection the client opened. */
    static void sendFile(ScriptedFtpServer.Session s, byte[] content) throws Exception {
        s.expect("RETR").reply("150 here it comes (" + content.length + " bytes)");
        try (Socket data = s.acceptData()) {
            data.getOutputStream().write(content);
        }
        s.reply("226 done");
    }
}
