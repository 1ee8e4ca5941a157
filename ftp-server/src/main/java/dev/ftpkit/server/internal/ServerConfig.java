package dev.ftpkit.server.internal;

import dev.ftpkit.server.ActiveSettings;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.PassiveSettings;
import dev.ftpkit.server.ProxyProtocolSettings;
import dev.ftpkit.server.ServerHook;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.VirtualHost;
import dev.ftpkit.server.internal.tls.TlsConfig;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

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
        PassiveSettings passive,
        ActiveSettings active,
        boolean atomicUploads,
        boolean syncUploads,
        Optional<TlsConfig> tls,
        List<ServerHook> hooks,
        OperationLimits limits,
        Optional<ProxyProtocolSettings> proxyProtocol,
        WireOptions wire) {
}
