package dev.ftpkit.server.internal;

/** The user names of anonymous FTP (RFC 1635): {@code anonymous} and {@code ftp}, in any case. */
public final class AnonymousNames {

    private AnonymousNames() {
    }

    /**
     * Whether a user name asks for an anonymous login.
     *
     * @param userName the name given to USER
     * @return true for {@code anonymous} and {@code ftp}, in any case
     */
    public static boolean contains(String userName) {
        return userName.equalsIgnoreCase("anonymous") || userName.equalsIgnoreCase("ftp");
    }
}
