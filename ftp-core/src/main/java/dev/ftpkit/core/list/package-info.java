/**
 * Parsers for directory listings as real servers send them: LIST output in Unix {@code ls -l}, DOS/IIS, EPLF,
 * z/OS MVS, IBM i, OpenVMS, NonStop, OS/2, NetWare or classic Mac OS format (and formats an application adds with
 * a {@link dev.ftpkit.core.list.FormatParser}), and MLSD entries (RFC 3659 §7), all turned into {@link dev.ftpkit.core.list.ListEntry} values.
 * A line no parser understands is returned as an entry carrying the raw line, never dropped.
 */
package dev.ftpkit.core.list;
