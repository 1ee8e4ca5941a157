package dev.ftpkit.core.list;

/** The listing format a line was recognised as. */
public enum ListFormat {
    /** Unix {@code ls -l} style, as sent by vsftpd, ProFTPD, Pure-FTPd, Apache FtpServer and most others. */
    UNIX,
    /** DOS / Microsoft IIS style: {@code 01-05-99  03:12PM  1234 file.txt}. */
    DOS,
    /** Easily Parsed LIST Format (D. J. Bernstein): {@code +i8388621.29609,m824255902,/,\tdev}. */
    EPLF,
    /** IBM z/OS MVS: data sets ({@code Volume Unit Referred ...}), PDS members and JES jobs. */
    MVS,
    /** IBM i (OS/400): {@code OWNER SIZE DATE TIME *TYPE NAME}, objects such as {@code *FILE}, {@code *MEM}. */
    OS400,
    /** OpenVMS: {@code NAME.EXT;VERSION used/allocated DD-MMM-YYYY HH:MM:SS [GROUP,OWNER] (protection)}. */
    VMS,
    /** HP (Tandem) NonStop Guardian: {@code File Code EOF Last-Modification Owner RWEP}. */
    NONSTOP,
    /** OS/2 FTP servers: {@code size attributes MM-DD-YY HH:MM name}, {@code DIR} among the attributes. */
    OS2,
    /** Novell NetWare: {@code d [RWCEAFMS] owner size date name}. */
    NETWARE,
    /** Classic Mac OS servers (NetPresenz): resource, data and total fork sizes, or {@code folder}. */
    MACOS,
    /** A format parser supplied by the application (a {@link FormatParser} of its own may use this). */
    CUSTOM,
    /** A machine-readable MLSD entry (RFC 3659 §7). */
    MLSD,
    /** No parser understood the line; only the raw line is known. */
    UNPARSED
}
