package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpClient;

import java.io.IOException;

/** Ending the connections the workers opened. */
final class Connections {

    private Connections() {
    }

    /**
     * Says QUIT when the work is done; a server that dropped the idle connection meanwhile changes nothing about
     * that work, so a failure only closes the socket.
     */
    static void quitQuietly(FtpClient client) {
        try {
            client.quit();
        } catch (IOException | RuntimeException alreadyGone) {
            client.close();
        }
    }
}
