package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.Authenticator;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The host a session talks to: the default one or a virtual host chosen with HOST (RFC 7151).
 *
 * @param name          the virtual host's name, empty for the default host
 * @param root          the root directory
 * @param authenticator who may log in
 */
record HostContext(Optional<String> name, Path root, Authenticator authenticator) {
}
