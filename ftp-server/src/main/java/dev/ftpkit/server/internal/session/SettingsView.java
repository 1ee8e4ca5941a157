package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.ActiveSettings;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.PassiveSettings;
import dev.ftpkit.server.ServerSettings;
import dev.ftpkit.server.TlsSettings;
import dev.ftpkit.server.VirtualHost;
import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.tls.TlsConfig;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/** The read-only {@link ServerSettings} handlers see, over the runtime's {@link ServerConfig}. */
record SettingsView(ServerConfig config, Semaphore listingHelpers) implements ServerSettings {

    @Override
    public String greeting() {
        return config.greeting();
    }

    @Override
    public Duration dataTimeout() {
        return config.dataTimeout();
    }

    @Override
    public Duration loginFailureDelay() {
        return config.loginFailureDelay();
    }

    @Override
    public PassiveSettings passive() {
        return config.passive();
    }

    @Override
    public ActiveSettings active() {
        return config.active();
    }

    @Override
    public Optional<TlsSettings> tls() {
        return config.tls().map(TlsConfig::settings);
    }

    @Override
    public boolean atomicUploads() {
        return config.atomicUploads();
    }

    @Override
    public boolean syncUploads() {
        return config.syncUploads();
    }

    @Override
    public Map<String, VirtualHost> virtualHosts() {
        return config.virtualHosts();
    }

    @Override
    public Set<String> verbs() {
        return config.commands().verbs();
    }

    @Override
    public Set<String> siteVerbs() {
        return config.commands().siteVerbs();
    }

    @Override
    public Optional<CommandDescriptor> siteCommand(String name) {
        return config.commands().getSite(name);
    }

    @Override
    public OptionalInt modeZLevel() {
        return config.wire().modeZLevel();
    }

    @Override
    public Optional<Charset> controlEncoding() {
        return config.wire().controlEncoding();
    }

    @Override
    public ThreadFactory transferThreadFactory() {
        return config.transferThreadFactory();
    }
}
