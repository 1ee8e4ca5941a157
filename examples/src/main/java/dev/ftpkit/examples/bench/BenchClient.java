package dev.ftpkit.examples.bench;

import java.nio.file.Path;

/** An FTP client under test: one whole session (connect, login, transfer, quit) per call. */
public interface BenchClient {

    /** A short name for tables, e.g. {@code "curl"}. */
    String name();

    /** Downloads {@code remote} into the local file {@code local}; returns the bytes transferred. */
    long retrieve(Endpoint endpoint, String remote, Path local) throws Exception;

    /** Uploads the local file {@code local} as {@code remote}; returns the bytes transferred. */
    long store(Endpoint endpoint, Path local, String remote) throws Exception;

    /** This client's CPU time so far, nanoseconds (the JVM's own for in-process clients, its children's for processes). */
    long cpuNanos() throws Exception;
}
