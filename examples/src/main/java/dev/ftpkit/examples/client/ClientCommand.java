package dev.ftpkit.examples.client;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.client.TlsContexts;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Subcommand;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.examples.UsageException;
import dev.ftpkit.examples.cli.Failures;
import dev.ftpkit.examples.cli.OptionSpec;
import dev.ftpkit.examples.cli.ProtocolTranscript;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the client subcommands share: options, connecting and logging in, and mapping failures to exit codes
 * (1 refused, 2 usage, 3 network/timeout, 4 local file) in one place.
 */
abstract class ClientCommand implements Subcommand {

    private final String name;
    private final String usage;
    private final String description;
    private final Set<String> flags;
    private final int minArgs;
    private final int maxArgs;
    /** The options only this command takes ({@link SyncOptions}), read before the shared ones are parsed. */
    private final Set<SyncOptions.Option> ownOptions;
    /** This run's values of {@link #ownOptions}. */
    private SyncOptions sync;

    ClientCommand(String name, String usage, String description, Set<String> flags, int minArgs, int maxArgs) {
        this(name, usage, description, flags, minArgs, maxArgs, Set.of());
    }

    ClientCommand(String name, String usage, String description, Set<String> flags, int minArgs, int maxArgs,
                  Set<SyncOptions.Option> ownOptions) {
        this.ownOptions = Set.copyOf(ownOptions);
        this.name = name;
        this.usage = usage;
        this.description = description;
        this.flags = flags;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return usage + " [OPTIONS]";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> all = new java.util.ArrayList<>(ClientOptions.specs(flags));
        all.addAll(SyncOptions.Option.specs(ownOptions));
        return List.copyOf(all);
    }

    /** This run's values of the options only this command takes (segments, retry, the mirror's). */
    SyncOptions sync() {
        return sync;
    }

    @Override
    public String helpFooter() {
        return ClientOptions.URL_HELP + System.lineSeparator() + ExitCode.DESCRIPTION;
    }

    /** Does the work once connected and logged in. */
    abstract void execute(FtpClient client, Invocation invocation) throws IOException, UsageException;

    /** The URL argument whose host this command connects to. */
    abstract int urlIndex();

    /** Whether this command transfers file contents (and so may show a progress bar). */
    boolean transfers() {
        return false;
    }

    /** Takes the options only this command knows out of the arguments (before the shared ones are parsed). */
    private List<String> takeOwnOptions(List<String> args) throws UsageException {
        SyncOptions.Split split = SyncOptions.extract(args, ownOptions);
        sync = split.options();
        return split.rest();
    }

    /**
     * Where and as whom this invocation connects, for commands that open more connections of their own; their
     * transfers report to no listener (the command sums the progress itself).
     */
    static FtpEndpoint endpoint(Invocation invocation) throws UsageException, LocalFileException {
        FtpClientConfig config = config(invocation.options(), invocation.url(), null);
        Map.Entry<String, String> login = credentials(invocation.options(), invocation.url());
        return new FtpEndpoint(config, invocation.url().host(), invocation.url().port(), login.getKey(),
                login.getValue());
    }

    /** One run of the command: its options, the parsed URL, the terminal. */
    record Invocation(ClientOptions options, FtpUrl url, Terminal io, ProgressBar progress) {
        String arg(int i) {
            return options.positional().get(i);
        }
    }

    @Override
    public int run(List<String> args, Terminal io) throws UsageException {
        ClientOptions options = ClientOptions.parse(takeOwnOptions(args), flags);
        int count = options.positional().size();
        if (count < minArgs || count > maxArgs) {
            throw new UsageException(count < minArgs ? "missing arguments" : "too many arguments");
        }
        // Without --encoding the session's encoding is UTF-8 (offered, or the fallback): percent escapes name its bytes.
        FtpUrl url = FtpUrl.parse(options.positional().get(urlIndex()),
                options.encoding().orElse(StandardCharsets.UTF_8));
        ProgressBar progress = transfers() && io.errIsTerminal() && !options.quiet() ? new ProgressBar(io.err()) : null;
        Invocation invocation = new Invocation(options, url, io, progress);
        ProtocolTranscript transcript = options.verbose()
                ? ProtocolTranscript.show(io.err(), "dev.ftpkit.client.protocol") : ProtocolTranscript.none();
        try {
            FtpClientConfig config = config(options, url, progress);
            try (FtpClient client = FtpClient.connect(config, url.host(), url.port())) {
                if (options.verbose()) {
                    client.tlsSession().ifPresent(session -> io.err().println("* TLS " + session.getProtocol()
                            + " " + session.getCipherSuite()));
                }
                login(client, options, url);
                execute(client, invocation);
                client.quit();
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            return ExitCode.OK;
        } catch (FtpTransferException e) {
            Optional<String> local = Failures.localFile(e, "");
            io.err().println("ftpkit " + name + ": " + local.map(text -> "local file " + text).orElse(e.getMessage()));
            boolean refused = e.reply().map(r -> r.code().isNegative()).orElse(false);
            return local.isPresent() ? ExitCode.LOCAL_FILE : refused ? ExitCode.REFUSED : ExitCode.NETWORK;
        } catch (FtpReplyException e) {
            io.err().println("ftpkit " + name + ": " + Failures.endpoint(url.host(), url.port()) + " refused: "
                    + e.getMessage());
            return ExitCode.REFUSED;
        } catch (LocalFileException e) {
            io.err().println("ftpkit " + name + ": " + e.getMessage());
            return ExitCode.LOCAL_FILE;
        } catch (FileSystemException e) {
            io.err().println("ftpkit " + name + ": local file " + Failures.localFile(e, "").orElseThrow());
            return ExitCode.LOCAL_FILE;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            io.err().println("ftpkit " + name + ": " + Failures.network(e, Failures.endpoint(url.host(), url.port())));
            return ExitCode.NETWORK;
        } finally {
            transcript.close();
        }
    }

    private static FtpClientConfig config(ClientOptions options, FtpUrl url, ProgressBar progress)
            throws UsageException, LocalFileException {
        FtpClientConfig.Builder builder = FtpClientConfig.builder();
        builder.tls(tls(options, url));
        options.timeout().ifPresent(builder::timeouts);
        if (options.active()) {
            builder.dataConnectionMode(DataConnectionMode.active());
        } else if (options.noEpsv()) {
            builder.dataConnectionMode(DataConnectionMode.passive().withoutEpsv());
        }
        options.encoding().ifPresent(builder::charset);
        builder.modeZ(options.modeZ());
        if (options.ascii()) {
            builder.transferType(TransferType.ASCII);
        }
        if (progress != null) {
            builder.transferListener(progress);
        }
        return builder.build();
    }

    /** {@code --tls} (explicit) or an {@code ftps://} URL (implicit); trust from --cacert, --insecure or the JDK. */
    private static FtpsConfig tls(ClientOptions options, FtpUrl url) throws UsageException, LocalFileException {
        boolean trustOption = options.insecure() || options.caCert().isPresent()
                || options.clientCertificate().isPresent();
        if (!options.tls() && !url.implicitTls()) {
            if (trustOption) {
                throw new UsageException("--insecure, --cacert and --cert need --tls or an ftps:// URL");
            }
            return null;
        }
        FtpsConfig.Builder builder = trusted(options, url);
        return (options.tls12Only() ? builder.protocols("TLSv1.2") : builder).build();
    }

    /** The FTPS settings trusting what --cacert, --insecure or the JDK say, presenting --cert if given. */
    private static FtpsConfig.Builder trusted(ClientOptions options, FtpUrl url) throws LocalFileException {
        KeyManager[] keys = clientKeys(options);
        SSLContext context;
        if (options.insecure()) {
            context = TlsContexts.insecureTrustingAnyCertificate(keys);
        } else if (options.caCert().isPresent()) {
            Path file = options.caCert().get();
            try {
                context = TlsContexts.trusting(file,
                        options.caCertPassword().map(String::toCharArray).orElse(null), keys);
            } catch (IOException e) {
                throw new LocalFileException("--cacert " + Failures.localFile(e, file.toString())
                        .orElse(file + ": not a PEM or PKCS12 file of certificates (" + e.getMessage() + ")"));
            }
        } else if (keys != null) {
            context = TlsContexts.presenting(keys);
        } else {
            return url.implicitTls() ? FtpsConfig.implicit() : FtpsConfig.explicit();
        }
        return url.implicitTls() ? FtpsConfig.implicit(context) : FtpsConfig.explicit(context);
    }

    /** {@code --cert}: the key and certificate for mutual TLS, or null without the option. */
    private static KeyManager[] clientKeys(ClientOptions options) throws LocalFileException {
        if (options.clientCertificate().isEmpty()) {
            return null;
        }
        ClientOptions.ClientCertificate certificate = options.clientCertificate().get();
        try {
            return TlsContexts.clientCertificate(certificate.file(), certificate.password().toCharArray());
        } catch (IOException e) {
            throw new LocalFileException("--cert " + Failures.localFile(e, certificate.file().toString())
                    .orElse(certificate.file() + ": not a PKCS12 key and certificate, or a wrong --cert-password ("
                            + e.getMessage() + ")"));
        }
    }

    private static void login(FtpClient client, ClientOptions options, FtpUrl url) throws IOException {
        Map.Entry<String, String> login = credentials(options, url);
        client.login(login.getKey(), login.getValue());
    }

    /** The user name and password: {@code --user}, else the URL's, else anonymous (RFC 1635). */
    private static Map.Entry<String, String> credentials(ClientOptions options, FtpUrl url) {
        if (options.user().isPresent()) {
            String user = options.user().get();
            int colon = user.indexOf(':');
            return Map.entry(user.substring(0, colon), user.substring(colon + 1));
        }
        if (url.user().isPresent()) {
            return Map.entry(url.user().get(), url.password().orElse(""));
        }
        return Map.entry("anonymous", "anonymous@");
    }
}
