package dev.ftpkit.server;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What an account may do besides logging in. Reading is a permission too, so a write-only drop box is possible. */
public enum Permission {
    /** Download files and list directories (RETR, LIST, NLST, MLSD, MLST, SIZE, MDTM, HASH). */
    READ,
    /** Upload (STOR, STOU, APPE) and change modification times (MFMT). */
    WRITE,
    /** Delete files (DELE) and empty directories (RMD). */
    DELETE,
    /** Rename files and directories (RNFR/RNTO). */
    RENAME,
    /** Create directories (MKD). */
    MAKE_DIRECTORY,
    /**
     * Change permission bits (SITE CHMOD). Only granted on purpose: not in {@link #readWrite()}, and anonymous
     * logins never hold it (vsftpd refuses SITE CHMOD to anonymous users too), since one {@code SITE CHMOD 777 /}
     * opens the whole tree to every local account.
     */
    CHMOD;

    /**
     * Only {@link #READ}.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> readOnly() {
        return Collections.unmodifiableSet(EnumSet.of(READ));
    }

    /**
     * Everything an ordinary read-write account does: every permission but {@link #CHMOD}.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> readWrite() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CHMOD)));
    }

    /**
     * Every permission, {@link #CHMOD} included.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(Permission.class));
    }
}
