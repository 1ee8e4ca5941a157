package dev.ftpkit.client;

import dev.ftpkit.client.internal.ServerCopy;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Server-to-server copies (FXP): the file goes straight from one server to the other, never through this
 * client. The source listens (EPSV, else PASV), the target is told to connect there (PORT or EPRT), then STOR on
 * the target and RETR on the source run at once and both final replies are awaited (RFC 959 §2.3 allows the
 * user-PI to set up such a transfer between two servers).
 *
 * <p>Both servers must allow it: most refuse a PORT to another host than the client's and a passive connection
 * from another host, as a defence against the FTP bounce attack (RFC 2577). vsftpd needs
 * {@code port_promiscuous=YES} on the target and {@code pasv_promiscuous=YES} on the source; an ftpkit server
 * needs the account to hold {@code Permission.FXP}. Plain FTP data connections only (no PROT P), binary, MODE S.
 */
public final class Fxp {

    private Fxp() {
    }

    /**
     * Copies one file from a server to another.
     *
     * @param source     a logged-in client of the server that has the file, with no transfer open
     * @param sourcePath the file on the source
     * @param target     a logged-in client of the server that receives it, with no transfer open
     * @param targetPath where the target stores it
     * @param timeout    how long the whole copy may take, from PASV to the last final reply
     * @throws FxpException             if either server refused a step or ended the transfer negatively; both
     *                                  replies are carried
     * @throws IOException              if a control connection failed (or timed out: it is then closed)
     * @throws IllegalArgumentException if a client is not one made by {@link FtpClient#connect}, or both are the
     *                                  same client
     */
    public static void copy(FtpClient source, String sourcePath, FtpClient target, String targetPath,
                            Duration timeout) throws IOException {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(targetPath, "targetPath");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (source == target) {
            throw new IllegalArgumentException("source and target must be two clients");
        }
        ServerCopy.copy(source, sourcePath, target, targetPath, timeout);
    }
}
