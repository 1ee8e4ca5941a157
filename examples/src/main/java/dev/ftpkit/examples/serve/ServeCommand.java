package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.CommandFailure;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Subcommand;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.examples.UsageException;
import dev.ftpkit.examples.cli.ByteSize;
import dev.ftpkit.examples.cli.Failures;
import dev.ftpkit.examples.cli.OptionSpec;
import dev.ftpkit.examples.cli.ParsedLine;
import dev.ftpkit.examples.cli.ProtocolTranscript;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CertificateLogin;
import dev.ftpkit.server.ClientAuth;
import dev.ftpkit.server.ActiveSettings;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.PassiveSettings;
import dev.ftpkit.server.ProxyProtocolSettings;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.SessionThreads;
import dev.ftpkit.server.TlsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ftpkit serve}: serves a directory over FTP until SIGINT/SIGTERM. Prints exactly one line to stdout when
 * ready, {@code ftpkit serving <root> at ftp://<host>:<port>/}, then one line per session event to stderr. The
 * configuration comes from the defaults, then {@code --config} (a vsftpd.conf), then the other options.
 */
public final class ServeCommand implements Subcommand {

    /** How long running transfers may go on after SIGINT/SIGTERM. */
    static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "--root DIR (--anonymous | --user NAME:PASS...) [OPTIONS]";
    }

    @Override
    public String description() {
        return "serve a directory over FTP or FTPS until Ctrl-C";
    }

    @Override
    public List<OptionSpec> options() {
        return Arrays.stream(ServeOption.values()).map(ServeOption::spec).toList();
    }

    @Override
    public String helpFooter() {
        return """
                The served directory must exist: serve never creates it and never picks one for you (--root, or \
                --config with anon_root or local_root).
                --config reads these vsftpd.conf keys: listen_address listen_port anonymous_enable anon_root \
                local_root write_enable anon_upload_enable anon_mkdir_write_enable pasv_enable pasv_min_port \
                pasv_max_port pasv_address pasv_addr_resolve pasv_promiscuous port_enable max_clients max_per_ip \
                idle_session_timeout data_connection_timeout delay_failed_login max_login_fails ftpd_banner \
                local_max_rate anon_max_rate \
                ssl_enable rsa_cert_file rsa_private_key_file (PEM) require_ssl_reuse force_local_logins_ssl \
                force_local_data_ssl force_anon_logins_ssl force_anon_data_ssl; other keys are ignored with a \
                warning naming the key and line; a bad value exits 2.
                """ + "Sizes and rates (--max-rate, --max-rate-anonymous, --quota): " + ByteSize.UNITS
                + "; --max-rate 5M is 5,000,000 bytes per second.";
    }

    @Override
    public int run(List<String> args, Terminal io) throws UsageException, CommandFailure, InterruptedException {
        ServeSettings settings = settings(args, io.err());
        if (settings.verbose) {
            // shown until the process ends: serve runs until it is stopped
            ProtocolTranscript.show(io.err(), "dev.ftpkit.server.protocol", "dev.ftpkit.server.session");
        }
        ServeOperations operations = ServeOperations.open(settings.metricsPort, settings.xferlog, settings.auditLog);
        FtpServer server;
        try {
            server = build(settings, operations.listener(new LogListener(io.err()))).start();
        } catch (IOException e) {
            operations.close();
            throw new CommandFailure(ExitCode.NETWORK, Failures.network(e, Failures.endpoint(settings.host,
                    settings.port)));
        }
        try {
            operations.startMetrics(io.err());
        } catch (IOException e) {
            server.close();
            operations.close();
            throw new CommandFailure(ExitCode.NETWORK, "--metrics-port: "
                    + Failures.network(e, Failures.endpoint("127.0.0.1", settings.metricsPort)));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            io.err().println("ftpkit: shutting down");
            server.shutdown(SHUTDOWN_DEADLINE);
            operations.close();
            stopped.countDown();
        }, "ftpkit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        String implicit = settings.implicitTlsPort >= 0
                ? " and ftps://" + host + ":" + server.implicitTlsPort() + "/" : "";
        io.out().println("ftpkit serving " + settings.root.toAbsolutePath().normalize() + " at ftp://" + host + ":"
                + server.port() + "/" + implicit);
        io.out().flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** The settings from {@code --config} and the command line, checked; warnings go to {@code log}. */
    static ServeSettings settings(List<String> args, PrintStream log) throws UsageException, CommandFailure {
        ParsedLine<ServeOption> line = ParsedLine.parse(args, ServeOption.class);
        if (!line.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + line.positional().get(0));
        }
        ServeSettings settings = new ServeSettings();
        if (line.has(ServeOption.CONFIG)) {
            String file = line.value(ServeOption.CONFIG).orElseThrow();
            try {
                VsftpdConf.read(java.nio.file.Path.of(file), settings, log::println);
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.LOCAL_FILE, "--config " + Failures.localFile(e, file)
                        .orElse(file + ": cannot be read"));
            }
        }
        CommandLine.apply(line, settings);
        check(settings, log);
        return settings;
    }

    private static void check(ServeSettings settings, PrintStream log) throws UsageException, CommandFailure {
        if (settings.users.isEmpty() && !settings.anonymous) {
            throw new UsageException("nobody could log in: give --user NAME:PASS or --anonymous");
        }
        if (!settings.passive && !settings.active) {
            throw new UsageException("--no-passive and --no-active (or pasv_enable=NO and port_enable=NO) leave no way"
                    + " to open a data connection: no transfer or listing could work");
        }
        if (settings.root == null) {
            throw new UsageException("--root DIR is required: the existing directory to serve");
        }
        if (!java.nio.file.Files.isDirectory(settings.root)) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--root " + settings.root + ": "
                    + (java.nio.file.Files.exists(settings.root) ? "not a directory" : "no such directory")
                    + " (serve does not create it)");
        }
        if (!settings.tlsConfigured() && (settings.tlsRequiredForLogin || settings.implicitTlsPort >= 0
                || !settings.tlsReuse)) {
            throw new UsageException("--tls-required, --implicit-tls-port and --no-tls-reuse need --tls-keystore");
        }
        if (settings.anonymousMayWrite()) {
            log.println("warning: anonymous users may write: anyone who can connect may upload, delete and rename"
                    + " files under " + settings.root.toAbsolutePath().normalize());
        }
    }

    static FtpServer build(ServeSettings settings, PrintStream log) throws UsageException, CommandFailure {
        return build(settings, new LogListener(log));
    }

    /** The server for these settings, telling {@code listener} of every session event. */
    static FtpServer build(ServeSettings settings, ServerListener listener) throws UsageException, CommandFailure {
        Authenticator authenticator = Authenticator.denyAll();
        if (!settings.users.isEmpty()) {
            InMemoryUsers.Builder users = InMemoryUsers.builder();
            for (String[] user : settings.users) {
                users.user(user[0], user[1], Account.atRoot(user[0], settings.userPermissions));
            }
            authenticator = users.build();
        }
        if (settings.anonymous) {
            authenticator = authenticator.orElse(Authenticator.anonymous(settings.anonymousPermissions));
        }
        try {
            PassiveSettings.Builder passive = PassiveSettings.builder()
                    .enabled(settings.passive)
                    .promiscuous(settings.passivePromiscuous);
            if (settings.passiveMin > 0) {
                passive.portRange(settings.passiveMin, settings.passiveMax);
            }
            if (settings.passiveAddress != null) {
                passive.advertisedAddress(settings.passiveAddress);
            }
            FtpServer.Builder builder = FtpServer.builder()
                    .host(settings.host)
                    .port(settings.port)
                    .root(settings.root)
                    .authenticator(authenticator)
                    .threadFactory(SessionThreads.virtualIfAvailable("ftpkit-session"))
                    .transferThreadFactory(SessionThreads.virtualIfAvailable("ftpkit-transfer"))
                    .passive(passive.build())
                    .active(settings.active ? ActiveSettings.allowed() : ActiveSettings.disabled())
                    .maxSessions(settings.maxSessions)
                    .listener(listener);
            if (settings.trustedProxies != null) {
                builder.proxyProtocol(ProxyProtocolSettings.trusting(settings.trustedProxies.toArray(String[]::new)));
            }
            if (settings.maxSessionsPerAddress > 0) {
                builder.maxSessionsPerAddress(settings.maxSessionsPerAddress);
            }
            if (settings.idleTimeout != null) {
                builder.idleTimeout(settings.idleTimeout);
            }
            if (settings.dataTimeout != null) {
                builder.dataTimeout(settings.dataTimeout);
            }
            if (settings.loginFailureDelay != null) {
                builder.loginFailureDelay(settings.loginFailureDelay);
            }
            if (settings.maxLoginFailures > 0) {
                builder.maxLoginFailures(settings.maxLoginFailures);
            }
            if (settings.greeting != null) {
                builder.greeting(settings.greeting);
            }
            ServeLimits.apply(settings, builder);
            if (settings.modeZLevel >= 0) {
                builder.modeZ(settings.modeZLevel);
            }
            if (settings.encoding != null) {
                builder.controlEncoding(settings.encoding);
            }
            if (settings.tlsConfigured()) {
                TlsSettings.Builder tls = TlsSettings.builder(tls(settings))
                        .requiredForLogin(settings.tlsRequiredForLogin)
                        .requiredForData(settings.tlsRequiredForData)
                        .sessionReuseRequired(settings.tlsReuse);
                if (settings.implicitTlsPort >= 0) {
                    tls.implicitPort(settings.implicitTlsPort);
                }
                clientCertificates(settings, tls);
                builder.tls(tls.build());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The key and certificate, reloaded when their files change (a renewed certificate needs no restart). */
    private static ReloadingTlsContext tls(ServeSettings settings) throws CommandFailure {
        List<Path> files = new ArrayList<>(settings.tlsKeystore != null ? List.of(settings.tlsKeystore)
                : List.of(settings.pemCertificate, settings.pemKey));
        if (settings.tlsClientCa != null) {
            files.add(settings.tlsClientCa);
        }
        return ReloadingTlsContext.watching(files, settings.tlsKeystore != null
                ? () -> ServerTls.fromPkcs12(settings.tlsKeystore, settings.tlsPassword, settings.tlsClientCa)
                : () -> ServerTls.fromPem(settings.pemCertificate, settings.pemKey, settings.tlsClientCa));
    }

    /**
     * {@code --tls-client-ca}: client certificates required (vsftpd's require_cert and validate_cert); with
     * {@code --tls-cert-login}, one whose CN names a {@code --user} logs that user in at USER (ProFTPD's
     * AllowDotLogin with TLSUserName CommonName).
     */
    private static void clientCertificates(ServeSettings settings, TlsSettings.Builder tls) {
        if (settings.tlsClientCa == null) {
            return;
        }
        tls.clientAuth(ClientAuth.REQUIRED);
        if (settings.tlsCertLogin) {
            Map<String, Account> accounts = new HashMap<>();
            for (String[] user : settings.users) {
                accounts.put(user[0], Account.atRoot(user[0], settings.userPermissions));
            }
            tls.certificateLogin(CertificateLogin.byCommonName(name -> Optional.ofNullable(accounts.get(name))));
        }
    }
}
