package dev.ftpkit.examples.bench;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.examples.bench.Interleaved.Trial;
import dev.ftpkit.server.TlsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * {@code bench --only ftps} (issues 16 and 21): explicit FTPS with protected data ({@code AUTH TLS}, {@code PROT P},
 * session reuse required, TLS forced for login and data on both servers) at each TLS version of {@code --tls}:
 * ftpkit's server against vsftpd with curl as the client (RETR into /dev/null, STOR), TLS logins per second
 * (connect, AUTH TLS, full handshake, USER, PASS, QUIT; sequential and parallel), and ftpkit's client against curl,
 * both against vsftpd. Both servers present the same certificate. Its own servers, started for this group and
 * stopped after it; interleaved rounds as everywhere in the harness. Prints a Markdown section.
 */
final class FtpsBenchmarks {

    /** The group's name for {@code --only}. */
    static final String GROUP = "ftps";
    static final String SERVER = "ftps server";
    static final String CLIENT = "ftps client";
    static final String LOGIN = "ftps login";
    /** The JSSE property the ftpkit command sets so that TLS 1.2 data connections resume by session ID. */
    private static final String CLIENT_TICKETS = "jdk.tls.client.enableSessionTicketExtension";
    private static final String TLS12_SESSION_IDS = "false";

    private final BenchSettings settings;
    private final List<TlsVersion> versions;
    private final Path vsftpd;
    private final Optional<Path> python;
    private final Path curl;
    private final PrintStream progress;
    private final Results results = new Results();
    private final Map<String, String> cipherSuites = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicLong loginNames = new AtomicLong();

    FtpsBenchmarks(BenchSettings settings, List<TlsVersion> versions, Path vsftpd, Optional<Path> python, Path curl,
            PrintStream progress) {
        this.settings = settings;
        this.versions = List.copyOf(versions);
        this.vsftpd = vsftpd;
        this.python = python;
        this.curl = curl;
        this.progress = progress;
    }

    /** Runs the three benchmarks over a workspace under {@code parent} (removed afterwards); returns the section. */
    String run(Path parent) throws Exception {
        try (Workspace workspace = Workspace.create(parent, settings)) {
            BenchCertificate certificate = BenchCertificate.generate(workspace.dir());
            SSLContext trusting = certificate.clientContext();
            Map<String, BenchServer.Running> servers = new LinkedHashMap<>();
            try {
                servers.put(Goal.OURS, new FtpkitServer(Optional.of(serverTls(certificate)))
                        .start(workspace.root(), workspace.serverDir("ftpkit-ftps")));
                servers.put(Benchmarks.VSFTPD, vsftpdWithTls(certificate)
                        .start(workspace.root(), workspace.serverDir("vsftpd-ftps")));
                probeCipherSuites(servers);
                serverThroughput(workspace, servers);
                logins(servers, trusting);
                clientThroughput(workspace, servers.get(Benchmarks.VSFTPD), trusting);
            } finally {
                servers.values().forEach(BenchServer.Running::close);
            }
        }
        return FtpsReport.render(results, settings, versions, cipherSuites, notes);
    }

    private TlsSettings serverTls(BenchCertificate certificate) throws Exception {
        return TlsSettings.builder(certificate.serverContext())
                .protocols(versions.stream().map(TlsVersion::jsse).toArray(String[]::new))
                .requiredForLogin(true)
                .requiredForData(true)
                .sessionReuseRequired(true)
                .build();
    }

    /** vsftpd's FTPS options; TLS forced for anonymous logins and data, sessions resumed, no client certificate. */
    private VsftpdServer vsftpdWithTls(BenchCertificate certificate) {
        return new VsftpdServer(vsftpd, python)
                .withOption("ssl_enable", "YES")
                .withOption("rsa_cert_file", certificate.pem().toString())
                .withOption("allow_anon_ssl", "YES")
                .withOption("force_anon_logins_ssl", "YES")
                .withOption("force_anon_data_ssl", "YES")
                .withOption("require_ssl_reuse", "YES")
                .withOption("ssl_request_cert", "NO")
                // its default (DES-CBC3-SHA) is refused by OpenSSL 3's default security level
                .withOption("ssl_ciphers", "HIGH");
    }

    private CurlClient curl(TlsVersion version) {
        // -k: the certificate is self-signed; checking it costs both servers the same
        List<String> options = new ArrayList<>(List.of("--ssl-reqd", "--insecure"));
        options.addAll(version.curlOptions());
        return new CurlClient(curl).withOptions(options);
    }

    /** What curl and the server agreed on, from {@code curl -v}: the cipher suite changes the cost per byte. */
    private void probeCipherSuites(Map<String, BenchServer.Running> servers) {
        for (TlsVersion version : versions) {
            for (Map.Entry<String, BenchServer.Running> server : servers.entrySet()) {
                String key = server.getKey() + ", " + version.label();
                try {
                    cipherSuites.put(key, curl(version).negotiated(Endpoint.anonymous(server.getValue().port())));
                } catch (Exception e) {
                    cipherSuites.put(key, "failed: " + e.getMessage());
                }
            }
        }
    }

    private void serverThroughput(Workspace workspace, Map<String, BenchServer.Running> servers) {
        List<Trial> trials = new ArrayList<>();
        for (TlsVersion version : versions) {
            CurlClient client = curl(version);
            for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
                BenchServer.Running server = entry.getValue();
                Endpoint endpoint = Endpoint.anonymous(server.port());
                trials.add(new Trial("RETR, " + version.label(), entry.getKey(),
                        () -> Benchmarks.timedOnServer(server, settings.fileBytes(),
                                () -> client.retrieveToNull(endpoint, Workspace.BIG))));
                String upload = "/upload/" + Benchmarks.slug(entry.getKey()) + ".bin";
                trials.add(new Trial("STOR, " + version.label(), entry.getKey(), () -> {
                    Sample sample = Benchmarks.timedOnServer(server, settings.fileBytes(),
                            () -> client.store(endpoint, workspace.bigFile(), upload));
                    Benchmarks.requireSize(workspace.root().resolve(upload.substring(1)), settings.fileBytes());
                    return sample;
                }, workspace::clearTransfers));
            }
        }
        Interleaved.run(SERVER, trials, settings.warmups(), settings.rounds(), results, progress);
    }

    private void logins(Map<String, BenchServer.Running> servers, SSLContext trusting) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelLogins());
        try {
            List<Trial> trials = new ArrayList<>();
            for (TlsVersion version : versions) {
                for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
                    Endpoint endpoint = Endpoint.anonymous(entry.getValue().port());
                    LoginRate.Login login = () -> tlsLogin(endpoint, trusting, version);
                    trials.add(new Trial(version.label() + ", sequential", entry.getKey(),
                            () -> LoginRate.measure(1, pool, settings.loginWindow(), login)));
                    trials.add(new Trial(version.label() + ", " + settings.parallelLogins() + " parallel",
                            entry.getKey(),
                            () -> LoginRate.measure(settings.parallelLogins(), pool, settings.loginWindow(), login)));
                }
            }
            Interleaved.run(LOGIN, trials, settings.warmups(), settings.rounds(), results, progress);
        } finally {
            Benchmarks.shutdown(pool);
        }
    }

    private void tlsLogin(Endpoint endpoint, SSLContext trusting, TlsVersion version) throws IOException {
        try (RawFtp plain = RawFtp.connect(endpoint);
             RawFtp ftp = plain.authTls(trusting, version.jsse(), "ftpkit-bench-" + loginNames.incrementAndGet())) {
            ftp.login(endpoint.user(), endpoint.password());
            ftp.quit();
        }
    }

    private void clientThroughput(Workspace workspace, BenchServer.Running vsftpdServer, SSLContext trusting) {
        Endpoint endpoint = Endpoint.anonymous(vsftpdServer.port());
        List<Trial> trials = new ArrayList<>();
        for (TlsVersion version : versions) {
            FtpClientConfig config = FtpClientConfig.builder()
                    .tls(FtpsConfig.explicit(trusting).protocols(version.jsse()).build())
                    .build();
            List<BenchClient> clients = new ArrayList<>(List.of(new FtpkitClient(config), curl(version)));
            if (version.number().equals("1.2") && !TLS12_SESSION_IDS.equals(System.getProperty(CLIENT_TICKETS))) {
                clients.remove(0);
                notes.add("ftpkit client, TLS 1.2: not measured, this JVM's TLS contexts offer session tickets, with "
                        + "which vsftpd's TLS 1.2 data connections cannot resume (see FtpsConfig); the ftpkit command "
                        + "sets -D" + CLIENT_TICKETS + "=" + TLS12_SESSION_IDS + " itself");
            }
            for (BenchClient client : clients) {
                String name = Benchmarks.slug(client.name() + " " + version.label());
                Path local = workspace.local().resolve(name + ".bin");
                trials.add(new Trial("RETR, " + version.label(), client.name(), () -> {
                    Sample sample = Benchmarks.timedOnClient(client, settings.fileBytes(),
                            () -> client.retrieve(endpoint, Workspace.BIG, local));
                    Benchmarks.requireSize(local, settings.fileBytes());
                    return sample;
                }, workspace::clearTransfers));
                String upload = "/upload/" + name + ".bin";
                trials.add(new Trial("STOR, " + version.label(), client.name(), () -> {
                    Sample sample = Benchmarks.timedOnClient(client, settings.fileBytes(),
                            () -> client.store(endpoint, workspace.bigFile(), upload));
                    Benchmarks.requireSize(workspace.root().resolve(upload.substring(1)), settings.fileBytes());
                    return sample;
                }, workspace::clearTransfers));
            }
        }
        Interleaved.run(CLIENT, trials, settings.warmups(), settings.rounds(), results, progress);
    }
}
