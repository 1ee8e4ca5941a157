/** An embeddable FTP server with vsftpd-style passive and active configuration. */
package dev.ftpkit.server;
