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
    CHMOD,
    /**
     * Server-to-server copies (FXP): PORT and EPRT may name another host than the client's, and a passive data
     * connection may come from another host. Only granted on purpose: not in {@link #readWrite()}, since the same
     * freedom is what the FTP bounce attack abuses (CERT CA-1997-27, RFC 2577 §3, §5); the port must still be
     * 1024 or more. Never part of a preset, {@link #all()} included, and anonymous logins never hold it: grant it
     * by name to the accounts that copy between servers.
     */
    FXP;

    /**
     * Only {@link #READ}.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> readOnly() {
        return Collections.unmodifiableSet(EnumSet.of(READ));
    }

    /**
     * Everything an ordinary read-write account does: every permission but {@link #CHMOD} and {@link #FXP}.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> readWrite() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CHMOD, FXP)));
    }

    /**
     * Every permission on files, {@link #CHMOD} included; not {@link #FXP}, which only loosens the data connection
     * checks and so is never granted by a preset (a server built with {@code all()} before FXP existed stays as
     * strict as it was).
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> all() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(FXP)));
    }
}
