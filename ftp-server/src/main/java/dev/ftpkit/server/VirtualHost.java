package dev.ftpkit.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A virtual host selected with {@code HOST name} (RFC 7151) before login: its own root and users.
 *
 * @param name          the host name the client sends (compared case-insensitively)
 * @param root          the root directory (any file system)
 * @param authenticator who may log in on this host
 */
public record VirtualHost(String name, Path root, Authenticator authenticator) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the name is empty or the root is not a directory
     */
    public VirtualHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(authenticator, "authenticator");
        if (name.isBlank()) {
            throw new IllegalArgumentException("virtual host name must not be empty");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("virtual host " + name + ": root is not a directory: " + root);
        }
    }
}
