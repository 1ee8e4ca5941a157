package dev.ftpkit.server;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What an account may do besides logging in. Reading is a permission too, so a write-only drop box is possible. */
public enum Permission {
    /** Download files and list directories (RETR, LIST, NLST, MLSD, MLST, SIZE, MDTM, HASH). */
    READ,
    /** Upload (STOR, STOU, APPE), change modification times (MFMT) and modes (SITE CHMOD). */
    WRITE,
    /** Delete files (DELE) and empty directories (RMD). */
    DELETE,
    /** Rename files and directories (RNFR/RNTO). */
    RENAME,
    /** Create directories (MKD). */
    MAKE_DIRECTORY;

    /**
     * Only {@link #READ}.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> readOnly() {
        return Collections.unmodifiableSet(EnumSet.of(READ));
    }

    /**
     * Every permission.
     *
     * @return an unmodifiable set
     */
    public static Set<Permission> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(Permission.class));
    }
}
