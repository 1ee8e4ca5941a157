package dev.ftpkit.core.list;

/** What kind of file system object a listing entry describes. */
public enum EntryType {
    /** A regular file (Unix {@code -}, DOS size column, EPLF {@code r}, MLSx {@code type=file}). */
    FILE,
    /** A directory (Unix {@code d}, DOS {@code <DIR>}, EPLF {@code /}, MLSx {@code dir}/{@code cdir}/{@code pdir}). */
    DIRECTORY,
    /** A symbolic link (Unix {@code l}, MLSx {@code OS.unix=slink}). */
    SYMBOLIC_LINK,
    /** Something else the listing names: a device, a FIFO, a socket, an OS-specific MLSx type. */
    OTHER,
    /** The listing did not say, or the line could not be parsed. */
    UNKNOWN
}
