package dev.ftpkit.server;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A logged-in user: the name, the home directory (the user's {@code /}, a directory under the server's root
 * that the user can never leave) and what the user may do.
 *
 * @param name        the user name, as given to USER
 * @param home        the home directory relative to the root, in FTP form: {@code "/"} for the root itself,
 *                    {@code "/alice"} for a subdirectory
 * @param permissions what the user may do besides listing (copied)
 */
public record Account(String name, String home, Set<Permission> permissions) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the home is empty, not absolute or contains {@code ..}
     */
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        if (!home.startsWith("/")) {
            throw new IllegalArgumentException("home must be an absolute FTP path like \"/\" or \"/alice\": " + home);
        }
        for (String segment : home.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("home must not contain . or .. segments: " + home);
            }
        }
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /**
     * An account whose home is the root.
     *
     * @param name        the user name
     * @param permissions what the user may do
     * @return the account
     */
    public static Account atRoot(String name, Set<Permission> permissions) {
        return new Account(name, "/", permissions);
    }

    /**
     * Tells whether the account holds a permission.
     *
     * @param permission the permission
     * @return true if granted
     */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
