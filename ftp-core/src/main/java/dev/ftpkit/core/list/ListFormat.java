package dev.ftpkit.core.list;

/** The listing format a line was recognised as. */
public enum ListFormat {
    /** Unix {@code ls -l} style, as sent by vsftpd, ProFTPD, Pure-FTPd, Apache FtpServer and most others. */
    UNIX,
    /** DOS / Microsoft IIS style: {@code 01-05-99  03:12PM  1234 file.txt}. */
    DOS,
    /** Easily Parsed LIST Format (D. J. Bernstein): {@code +i8388621.29609,m824255902,/,\tdev}. */
    EPLF,
    /** A machine-readable MLSD entry (RFC 3659 §7). */
    MLSD,
    /** No parser understood the line; only the raw line is known. */
    UNPARSED
}
