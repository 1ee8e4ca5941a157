package dev.ftpkit.server;

import dev.ftpkit.core.Command;

import java.net.InetSocketAddress;

/**
 * Decides before things happen, and hears about committed uploads: the typed counterpart of Apache FtpServer's
 * Ftplets. Every method allows by default; register hooks with {@link FtpServer.Builder#hook(ServerHook)}. Several
 * hooks are asked in the order they were added; the first that denies wins.
 *
 * <p>A hook that throws answers the command being handled with {@code 451} (the exception is logged, never sent),
 * and the session goes on. Hooks run on the session's threads: they must be thread-safe and return quickly.
 */
public interface ServerHook {

    /**
     * Before a login is checked (at PASS): e.g. refuse a user from an address.
     *
     * @param client the client's end of the control connection
     * @param user   the name given to USER
     * @return {@link Verdict#allow()} or a denial (its reply answers PASS, e.g. {@code 530})
     * @throws Exception any failure: PASS is answered with 451
     */
    default Verdict beforeLogin(InetSocketAddress client, String user) throws Exception {
        return Verdict.allow();
    }

    /**
     * Before any command that the session would run (after the login check).
     *
     * @param session the session
     * @param command the command
     * @return allow, deny with a reply (the command does not run), or run it and rewrite its final reply
     * @throws Exception any failure: the command is answered with 451 and does not run
     */
    default CommandVerdict beforeCommand(FtpSession session, Command command) throws Exception {
        return CommandVerdict.allow();
    }

    /**
     * Before a file is uploaded, downloaded, deleted or renamed, or a directory made or removed.
     *
     * @param session the session
     * @param request the operation and its absolute FTP path(s)
     * @return {@link Verdict#allow()} or a denial (e.g. {@code 553} for a forbidden name)
     * @throws Exception any failure: the command is answered with 451
     */
    default Verdict beforeFileOperation(FtpSession session, FileRequest request) throws Exception {
        return Verdict.allow();
    }

    /**
     * After an upload was committed to its final name, before the client gets 226: the place to scan, index or
     * move the file.
     *
     * @param session the session
     * @param event   what was stored
     * @throws Exception any failure: the upload is answered with 451 (the file stays)
     */
    default void afterUpload(FtpSession session, UploadEvent event) throws Exception {
    }
}
