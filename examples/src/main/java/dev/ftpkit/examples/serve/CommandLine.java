package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.UsageException;
import dev.ftpkit.server.RateLimit;
import dev.ftpkit.examples.cli.ByteSize;
import dev.ftpkit.examples.cli.ParsedLine;
import dev.ftpkit.examples.cli.ParsedLine.Converter;

import dev.ftpkit.core.ModeZ;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Applies {@code serve}'s command-line options over the settings (after {@code --config}: the command line wins). */
final class CommandLine {

    private CommandLine() {
    }

    static void apply(ParsedLine<ServeOption> line, ServeSettings s) throws UsageException {
        s.host = line.value(ServeOption.HOST).orElse(s.host);
        s.port = line.value(ServeOption.PORT, Converter.number(0, 65535), s.port);
        s.root = line.value(ServeOption.ROOT, Converter.of(Path::of), s.root);
        for (String spec : line.values(ServeOption.USER)) {
            int colon = spec.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--user needs NAME:PASS, got " + spec);
            }
            s.users.add(new String[] {spec.substring(0, colon), spec.substring(colon + 1)});
        }
        s.anonymous |= line.has(ServeOption.ANONYMOUS);
        if (line.has(ServeOption.WRITE)) {
            s.allowWrites();
        }
        if (line.has(ServeOption.ALLOW_CHMOD)) {
            s.allowChmod();
        }
        if (line.has(ServeOption.ALLOW_FXP)) {
            s.allowFxp();
        }
        if (line.has(ServeOption.MODE_Z)) {
            s.modeZLevel = ModeZ.DEFAULT_LEVEL;
        }
        s.modeZLevel = line.value(ServeOption.MODE_Z_LEVEL, Converter.number(ModeZ.MIN_LEVEL, ModeZ.MAX_LEVEL),
                s.modeZLevel);
        s.encoding = line.value(ServeOption.ENCODING, Converter.charset(), s.encoding);
        if (line.has(ServeOption.PASSIVE_PORTS)) {
            passivePorts(line.value(ServeOption.PASSIVE_PORTS).orElseThrow(), s);
        }
        if (line.has(ServeOption.PASSIVE_ADDRESS)) {
            s.passiveAddress = passiveAddress(line.value(ServeOption.PASSIVE_ADDRESS).orElseThrow());
        }
        s.passive &= !line.has(ServeOption.NO_PASSIVE);
        s.active &= !line.has(ServeOption.NO_ACTIVE);
        s.maxSessions = line.value(ServeOption.MAX_SESSIONS, Converter.number(1, 1_000_000), s.maxSessions);
        s.maxSessionsPerAddress = line.value(ServeOption.MAX_SESSIONS_PER_IP, Converter.number(1, 1_000_000),
                s.maxSessionsPerAddress);
        proxyProtocol(line, s);
        s.verbose = line.has(ServeOption.VERBOSE);
        if (line.has(ServeOption.TLS_KEYSTORE)) {
            s.tlsKeystore = Path.of(line.value(ServeOption.TLS_KEYSTORE).orElseThrow());
            s.tlsPassword = line.value(ServeOption.TLS_PASSWORD)
                    .orElseThrow(() -> new UsageException("--tls-keystore needs --tls-password"));
        } else if (line.has(ServeOption.TLS_PASSWORD)) {
            throw new UsageException("--tls-password needs --tls-keystore");
        }
        if (line.has(ServeOption.TLS_REQUIRED)) {
            s.tlsRequiredForLogin = true;
            s.tlsRequiredForData = true;
        }
        s.implicitTlsPort = line.value(ServeOption.IMPLICIT_TLS_PORT, Converter.number(0, 65535), s.implicitTlsPort);
        s.tlsReuse &= !line.has(ServeOption.NO_TLS_REUSE);
        s.tlsClientCa = line.value(ServeOption.TLS_CLIENT_CA, Converter.of(Path::of), s.tlsClientCa);
        s.tlsCertLogin |= line.has(ServeOption.TLS_CERT_LOGIN);
        if (s.tlsCertLogin && s.tlsClientCa == null) {
            throw new UsageException("--tls-cert-login needs --tls-client-ca");
        }
        s.metricsPort = line.value(ServeOption.METRICS_PORT, Converter.number(0, 65535), s.metricsPort);
        s.xferlog = line.value(ServeOption.XFERLOG, Converter.of(Path::of), s.xferlog);
        s.auditLog = line.value(ServeOption.AUDIT_LOG, Converter.of(Path::of), s.auditLog);
        limits(line, s);
    }

    /** {@code --max-rate}, {@code --max-rate-anonymous}, {@code --quota}, {@code --ban-after}, {@code --ban-seconds}. */
    private static void limits(ParsedLine<ServeOption> line, ServeSettings s) throws UsageException {
        Converter<Long> rate = ByteSize.converter(RateLimit.MAX_BYTES_PER_SECOND);
        s.maxRate = line.value(ServeOption.MAX_RATE, rate, s.maxRate);
        s.maxRateAnonymous = line.value(ServeOption.MAX_RATE_ANONYMOUS, rate, s.maxRateAnonymous);
        for (String spec : line.values(ServeOption.QUOTA)) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0) {
                throw new UsageException("--quota needs NAME:SIZE, got " + spec);
            }
            s.quotas.put(spec.substring(0, colon), ByteSize.parse("--quota", spec.substring(colon + 1), Long.MAX_VALUE));
        }
        s.banAfter = line.value(ServeOption.BAN_AFTER, Converter.number(1, 1_000_000), s.banAfter);
        if (line.has(ServeOption.BAN_SECONDS)) {
            s.banTime = Duration.ofSeconds(line.value(ServeOption.BAN_SECONDS, Converter.number(1, 366 * 86_400), 0));
        }
    }

    private static void proxyProtocol(ParsedLine<ServeOption> line, ServeSettings s) throws UsageException {
        if (line.has(ServeOption.TRUSTED_PROXIES) && !line.has(ServeOption.PROXY_PROTOCOL)) {
            throw new UsageException("--trusted-proxies needs --proxy-protocol");
        }
        if (line.has(ServeOption.PROXY_PROTOCOL)) {
            s.trustedProxies = List.of(line.value(ServeOption.TRUSTED_PROXIES).orElse("127.0.0.1/32,::1/128")
                    .split(","));
        }
    }


    private static void passivePorts(String range, ServeSettings s) throws UsageException {
        int dash = range.indexOf('-');
        if (dash <= 0) {
            throw new UsageException("--passive-ports needs MIN-MAX, got " + range);
        }
        Converter<Integer> port = Converter.number(1, 65535);
        s.passiveMin = port.apply("--passive-ports", range.substring(0, dash));
        s.passiveMax = port.apply("--passive-ports", range.substring(dash + 1));
        if (s.passiveMin > s.passiveMax) {
            throw new UsageException("--passive-ports: MIN is above MAX in " + range);
        }
    }

    private static InetAddress passiveAddress(String address) throws UsageException {
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new UsageException("--passive-address: unknown host " + address);
        }
        if (resolved instanceof Inet6Address) {
            throw new UsageException("--passive-address must be IPv4 (it goes into 227 replies)");
        }
        return resolved;
    }
}
