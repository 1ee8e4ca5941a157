package dev.ftpkit.server.internal;

import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.VirtualHost;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/** Everything {@code FtpServer.Builder} validated, as one immutable value the runtime reads. */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        Path root,
        Authenticator authenticator,
        Map<String, VirtualHost> virtualHosts,
        CommandRegistry commands,
        ServerListener listener,
        ThreadFactory threadFactory,
        ThreadFactory transferThreadFactory,
        String greeting,
        int maxSessions,
        int maxSessionsPerAddress,
        Duration idleTimeout,
        Duration lineTimeout,
        Duration dataTimeout,
        int maxLineBytes,
        Duration loginFailureDelay,
        int maxLoginFailures,
        boolean passiveEnabled,
        int passiveMinPort,
        int passiveMaxPort,
        Optional<Function<FtpSession, InetAddress>> passiveAddress,
        IntUnaryOperator passivePortMapping,
        boolean passivePromiscuous,
        boolean activeEnabled,
        boolean atomicUploads,
        boolean syncUploads,
        Optional<TlsConfig> tls) {

    /** Whether a passive port range is configured (else the kernel picks ephemeral ports). */
    public boolean hasPassiveRange() {
        return passiveMinPort > 0;
    }
}
