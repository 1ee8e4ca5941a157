package dev.ftpkit.examples.bench;

import java.nio.file.Path;

/**
 * An FTP server under test: started on 127.0.0.1 over a prepared root, measured, stopped.
 *
 * <p>The root holds {@code data/} (files to download and list, readable) and {@code upload/} (writable); every
 * server lets {@code anonymous} download from the first and upload into the second, and, where it can, a
 * password account {@link #PASSWORD_USER} log in.
 */
public interface BenchServer {

    /** The password account used by the password-login benchmark. */
    String PASSWORD_USER = "bench";
    /** Its password. */
    String PASSWORD = "bench-password-1";

    /** A short name for tables, e.g. {@code "vsftpd"}. */
    String name();

    /** Starts the server over {@code root}, using {@code workDir} for its own files (configuration, logs). */
    Running start(Path root, Path workDir) throws Exception;

    /** A started server. */
    interface Running extends AutoCloseable {

        /** The control port on 127.0.0.1. */
        int port();

        /** Whether the server answers MLSD (RFC 3659). */
        boolean supportsMlsd();

        /** How the password account's password is checked, or empty when the server has no password account here. */
        String passwordHashing();

        /** The server's CPU time so far, nanoseconds, after every finished session's time has been counted. */
        long cpuNanos() throws Exception;

        /** Whether the server runs inside this JVM (its CPU time is then the JVM's, its memory this heap). */
        boolean inProcess();

        /** The process the server runs in, where it has one of its own (not this JVM). */
        default java.util.OptionalLong processId() {
            return java.util.OptionalLong.empty();
        }

        /** The sessions the server holds open right now, or -1 where it cannot tell. */
        default int openSessions() {
            return -1;
        }

        @Override
        void close();
    }
}
