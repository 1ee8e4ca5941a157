package dev.ftpkit.examples.client;

import dev.ftpkit.examples.UsageException;
import dev.ftpkit.examples.cli.OptionSpec;
import dev.ftpkit.examples.cli.ParsedLine;
import dev.ftpkit.examples.cli.ParsedLine.Converter;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options shared by the client subcommands, and the positional arguments left over.
 *
 * @param positional the arguments that are not options, in order ({@code "-"} counts as positional)
 * @param active     {@code --active}
 * @param noEpsv     {@code --no-epsv}
 * @param ascii      {@code --ascii}
 * @param resume     {@code --resume}
 * @param append     {@code --append}
 * @param longFormat {@code --long}
 * @param quiet      {@code --quiet}
 * @param verbose    {@code -v}/{@code --verbose}
 * @param user       {@code --user NAME:PASS}
 * @param timeout    {@code --timeout SECONDS}
 * @param tls        {@code --tls}: explicit TLS (AUTH TLS)
 * @param tls12Only  {@code --tls12-only}: offer TLS 1.2 only
 * @param insecure   {@code --insecure}: accept any server certificate
 * @param caCert     {@code --cacert FILE}: trust the certificates of a PEM or PKCS12 file
 * @param caCertPassword {@code --cacert-password PASS}: the password of a PKCS12 {@code --cacert} file
 * @param encoding   {@code --encoding NAME}: the server's file name encoding; empty for the automatic choice
 * @param clientCertificate {@code --cert FILE --cert-password PASS}: the certificate presented for mutual TLS
 * @param modeZ      {@code --mode-z}: MODE Z (deflate) transfers
 */
record ClientOptions(List<String> positional, boolean active, boolean noEpsv, boolean ascii, boolean resume,
                     boolean append, boolean longFormat, boolean quiet, boolean verbose, Optional<String> user,
                     Optional<Duration> timeout, boolean tls, boolean tls12Only, boolean insecure, Optional<Path> caCert,
                     Optional<String> caCertPassword, Optional<Charset> encoding,
                     Optional<ClientCertificate> clientCertificate, boolean modeZ) {

    /**
     * A PKCS12 file with the client's key and certificate.
     *
     * @param file     the key store
     * @param password its password, also the key's
     */
    record ClientCertificate(Path file, String password) {
    }

    /** The URL syntax, for help. */
    static final String URL_HELP = "URL: ftp://[user[:password]@]host[:port]/path or ftps://... (percent-encoded;"
            + " no user = anonymous)";

    static ClientOptions parse(List<String> args, Set<String> allowedFlags) throws UsageException {
        ParsedLine<ClientOption> line = ParsedLine.parse(args, ClientOption.class);
        for (ClientOption option : line.given()) {
            if (!option.common() && !allowedFlags.contains(option.spec().name())) {
                throw new UsageException("option " + option.spec().name() + " does not apply to this command");
            }
        }
        Optional<String> user = line.value(ClientOption.USER);
        if (user.isPresent() && !user.get().contains(":")) {
            throw new UsageException("--user takes NAME:PASS");
        }
        Optional<Duration> timeout = Optional.ofNullable(line.value(ClientOption.TIMEOUT,
                (option, text) -> Duration.ofSeconds(Converter.number(1, 86_400).apply(option, text)), null));
        Optional<Path> caCert = line.value(ClientOption.CACERT).map(Path::of);
        Optional<String> caCertPassword = line.value(ClientOption.CACERT_PASSWORD);
        Optional<Charset> encoding = Optional.ofNullable(line.value(ClientOption.ENCODING, Converter.charset(),
                null));
        if (line.has(ClientOption.RESUME) && line.has(ClientOption.APPEND)) {
            throw new UsageException("--resume and --append exclude each other");
        }
        if (line.has(ClientOption.RESUME) && line.has(ClientOption.MODE_Z)) {
            throw new UsageException("--resume needs REST, which MODE Z does not allow: drop --mode-z");
        }
        if (line.has(ClientOption.INSECURE) && caCert.isPresent()) {
            throw new UsageException("--insecure and --cacert exclude each other");
        }
        if (line.has(ClientOption.TLS12_ONLY) && !line.has(ClientOption.TLS)
                && line.positional().stream().noneMatch(arg -> arg.startsWith("ftps://"))) {
            throw new UsageException("--tls12-only needs --tls or an ftps:// URL");
        }
        if (caCertPassword.isPresent() && caCert.isEmpty()) {
            throw new UsageException("--cacert-password needs --cacert");
        }
        Optional<ClientCertificate> clientCertificate = clientCertificate(line);
        return new ClientOptions(line.positional(), line.has(ClientOption.ACTIVE), line.has(ClientOption.NO_EPSV),
                line.has(ClientOption.ASCII), line.has(ClientOption.RESUME), line.has(ClientOption.APPEND),
                line.has(ClientOption.LONG), line.has(ClientOption.QUIET), line.has(ClientOption.VERBOSE), user,
                timeout, line.has(ClientOption.TLS), line.has(ClientOption.TLS12_ONLY), line.has(ClientOption.INSECURE),
                caCert, caCertPassword, encoding, clientCertificate, line.has(ClientOption.MODE_Z));
    }

    private static Optional<ClientCertificate> clientCertificate(ParsedLine<ClientOption> line)
            throws UsageException {
        Optional<String> password = line.value(ClientOption.CERT_PASSWORD);
        Optional<Path> file = line.value(ClientOption.CERT).map(Path::of);
        if (file.isEmpty()) {
            if (password.isPresent()) {
                throw new UsageException("--cert-password needs --cert");
            }
            return Optional.empty();
        }
        return Optional.of(new ClientCertificate(file.get(), password
                .orElseThrow(() -> new UsageException("--cert needs --cert-password"))));
    }


    /** The options a client subcommand accepts: the common ones and its own flags, in declaration order. */
    static List<OptionSpec> specs(Set<String> allowedFlags) {
        return Arrays.stream(ClientOption.values())
                .filter(option -> option.common() || allowedFlags.contains(option.spec().name()))
                .map(ClientOption::spec)
                .toList();
    }
}
