/**
 * FTP protocol values and their codecs: reply codes and replies, commands, host-port encodings
 * (RFC 959 PORT/PASV, RFC 2428 EPRT/EPSV), FEAT (RFC 2389), time values and MLSx facts (RFC 3659).
 * Every type here is pure: it turns text or bytes into values and back and never performs I/O.
 */
package dev.ftpkit.core;
