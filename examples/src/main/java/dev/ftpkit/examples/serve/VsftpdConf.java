package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.UsageException;
import dev.ftpkit.server.Permission;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Reads a vsftpd.conf ({@code key=value} lines, {@code #} comments; vsftpd.conf(5)) into {@link ServeSettings}.
 * Each supported key maps onto one {@code FtpServer.builder()} option, in one table. A key for a feature ftpkit does
 * not have yet (rate limits, xferlog) and an unknown key each get one warning naming the key and the line; a bad
 * value is a {@link UsageException} naming the key and the line.
 */
final class VsftpdConf {

    /** What one key does with its value. */
    @FunctionalInterface
    private interface Key {
        void apply(ServeSettings settings, String value, VsftpdConf file) throws BadValue;
    }

    /** A value the key does not accept; the reader adds the file, line and key. */
    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message);
        }
    }

    private static final Pattern NOT_YET = Pattern.compile("xferlog_.*|dual_log_enable"
            + "|vsftpd_log_file|log_ftp_protocol");

    private static final Map<String, Key> KEYS = Map.ofEntries(
            entry("listen_address", (s, v, f) -> s.host = ipv4(v).getHostAddress()),
            entry("listen_port", (s, v, f) -> s.port = number(v, 0, 65535)),
            entry("anonymous_enable", (s, v, f) -> s.anonymous = yes(v)),
            entry("anon_root", (s, v, f) -> f.anonRoot = Path.of(v)),
            entry("local_root", (s, v, f) -> f.localRoot = Path.of(v)),
            entry("write_enable", (s, v, f) -> f.writeEnable = yes(v)),
            entry("anon_upload_enable", (s, v, f) -> f.anonUpload = yes(v)),
            entry("anon_mkdir_write_enable", (s, v, f) -> f.anonMkdir = yes(v)),
            entry("pasv_enable", (s, v, f) -> s.passive = yes(v)),
            entry("pasv_min_port", (s, v, f) -> s.passiveMin = number(v, 0, 65535)),
            entry("pasv_max_port", (s, v, f) -> s.passiveMax = number(v, 0, 65535)),
            entry("pasv_address", (s, v, f) -> f.pasvAddress = v),
            entry("pasv_addr_resolve", (s, v, f) -> f.pasvResolve = yes(v)),
            entry("pasv_promiscuous", (s, v, f) -> s.passivePromiscuous = yes(v)),
            entry("port_enable", (s, v, f) -> s.active = yes(v)),
            entry("port_promiscuous", (s, v, f) -> {
                if (yes(v)) {
                    f.warn("port_promiscuous=YES is not supported: ftpkit never connects to a third host (FTP bounce)");
                }
            }),
            entry("max_clients", (s, v, f) -> s.maxSessions = unlimitedIfZero(number(v, 0, 1_000_000))),
            entry("max_per_ip", (s, v, f) -> s.maxSessionsPerAddress = unlimitedIfZero(number(v, 0, 1_000_000))),
            entry("idle_session_timeout", (s, v, f) -> s.idleTimeout = seconds(v)),
            entry("data_connection_timeout", (s, v, f) -> s.dataTimeout = seconds(v)),
            entry("delay_failed_login", (s, v, f) -> s.loginFailureDelay = Duration.ofSeconds(number(v, 0, 3600))),
            entry("max_login_fails", (s, v, f) -> s.maxLoginFailures = number(v, 1, 1000)),
            entry("ftpd_banner", (s, v, f) -> s.greeting = v),
            // bytes per second, 0 for none; vsftpd limits local users and anonymous ones each by their own key
            entry("local_max_rate", (s, v, f) -> s.maxRate = number(v, 0, Integer.MAX_VALUE)),
            entry("anon_max_rate", (s, v, f) -> s.maxRateAnonymous = number(v, 0, Integer.MAX_VALUE)),
            entry("ssl_enable", (s, v, f) -> f.sslEnable = yes(v)),
            entry("rsa_cert_file", (s, v, f) -> f.certificate = Path.of(v)),
            entry("rsa_private_key_file", (s, v, f) -> f.privateKey = Path.of(v)),
            entry("require_ssl_reuse", (s, v, f) -> s.tlsReuse = yes(v)),
            entry("implicit_ssl", (s, v, f) -> {
                if (yes(v)) {
                    f.warn("implicit_ssl=YES is not supported yet: ftpkit serves implicit TLS beside the plain port"
                            + " (--implicit-tls-port N)");
                }
            }),
            entry("force_local_logins_ssl", (s, v, f) -> f.forceLocalLogins = yes(v)),
            entry("force_local_data_ssl", (s, v, f) -> f.forceLocalData = yes(v)),
            entry("force_anon_logins_ssl", (s, v, f) -> f.forceAnonLogins = yes(v)),
            entry("force_anon_data_ssl", (s, v, f) -> f.forceAnonData = yes(v)));

    private final Path file;
    private final Consumer<String> warnings;
    private int line;
    private Path anonRoot;
    private Path localRoot;
    private boolean writeEnable;
    private boolean anonUpload;
    private boolean anonMkdir;
    private String pasvAddress;
    private boolean pasvResolve;
    private boolean sslEnable;
    private Path certificate;
    private Path privateKey;
    // vsftpd's defaults: with ssl_enable, local users must use TLS, anonymous users need not.
    private boolean forceLocalLogins = true;
    private boolean forceLocalData = true;
    private boolean forceAnonLogins;
    private boolean forceAnonData;

    private VsftpdConf(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /**
     * Reads a file into the settings.
     *
     * @param file the vsftpd.conf
     * @param settings what to change
     * @param warnings receives one line per ignored key
     * @throws IOException if the file cannot be read
     * @throws UsageException on a bad value, naming the key and the line
     */
    static void read(Path file, ServeSettings settings, Consumer<String> warnings) throws IOException, UsageException {
        VsftpdConf conf = new VsftpdConf(file, warnings);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (conf.line = 1; conf.line <= lines.size(); conf.line++) {
            conf.apply(lines.get(conf.line - 1).strip(), settings);
        }
        conf.line = 0;
        conf.finish(settings);
    }

    private void apply(String text, ServeSettings settings) throws UsageException {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(where() + ": expected key=value, got '" + text + "'");
        }
        String key = text.substring(0, equals).strip();
        String value = text.substring(equals + 1).strip();
        Key handler = KEYS.get(key);
        if (handler == null) {
            warn(NOT_YET.matcher(key).matches() ? key + " is not supported yet (ignored)"
                    : "unknown key " + key + " (ignored)");
            return;
        }
        try {
            handler.apply(settings, value, this);
        } catch (BadValue e) {
            throw new UsageException(where() + ": " + key + ": " + e.getMessage());
        }
    }

    /** The keys that only make sense together, once every line is read. */
    private void finish(ServeSettings settings) throws UsageException {
        Path root = settings.anonymous && anonRoot != null ? anonRoot : localRoot != null ? localRoot : anonRoot;
        if (anonRoot != null && localRoot != null && !anonRoot.equals(localRoot)) {
            warn("anon_root and local_root differ; ftpkit serves one root: " + root);
        }
        settings.root = root;
        if (writeEnable) {
            settings.userPermissions = Permission.readWrite();
            settings.allowChmod(); // vsftpd's chmod_enable is YES by default (for local users only)
            if (anonUpload) {
                settings.allowAnonymous(Permission.WRITE);
            }
            if (anonMkdir) {
                settings.allowAnonymous(Permission.MAKE_DIRECTORY);
            }
        }
        if ((settings.passiveMin == 0) != (settings.passiveMax == 0) || settings.passiveMin > settings.passiveMax) {
            throw new UsageException(file + ": pasv_min_port and pasv_max_port must both be set, MIN <= MAX (got "
                    + settings.passiveMin + ", " + settings.passiveMax + ")");
        }
        if (pasvAddress != null) {
            settings.passiveAddress = passiveAddress();
        }
        if (settings.maxRate > 0 && settings.maxRateAnonymous < 0) {
            settings.maxRateAnonymous = 0; // local_max_rate does not limit anonymous sessions (anon_max_rate=0)
        }
        if (sslEnable) {
            if (certificate == null) {
                throw new UsageException(file + ": ssl_enable=YES needs rsa_cert_file (a PEM file)");
            }
            settings.pemCertificate = certificate;
            settings.pemKey = privateKey == null ? certificate : privateKey;
            // ftpkit has one switch for every login and one for every transfer
            settings.tlsRequiredForLogin = forceLocalLogins || forceAnonLogins;
            settings.tlsRequiredForData = forceLocalData || forceAnonData;
        }
    }

    private InetAddress passiveAddress() throws UsageException {
        try {
            return pasvResolve ? InetAddress.getByName(pasvAddress) : ipv4(pasvAddress);
        } catch (BadValue | UnknownHostException e) {
            throw new UsageException(file + ": pasv_address: " + e.getMessage()
                    + (pasvResolve ? "" : " (a host name needs pasv_addr_resolve=YES)"));
        }
    }

    private void warn(String message) {
        warnings.accept("warning: " + where() + ": " + message);
    }

    private String where() {
        return line > 0 ? file + " line " + line : file.toString();
    }

    private static boolean yes(String value) throws BadValue {
        // vsftpd accepts YES/TRUE/1 and NO/FALSE/0, in any case
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "YES", "TRUE", "1" -> true;
            case "NO", "FALSE", "0" -> false;
            default -> throw new BadValue("needs YES or NO, got '" + value + "'");
        };
    }

    private static int number(String value, int min, int max) throws BadValue {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadValue("needs a whole number " + min + ".." + max + ", got '" + value + "'");
    }

    private static Duration seconds(String value) throws BadValue {
        return Duration.ofSeconds(number(value, 1, 86_400));
    }

    private static int unlimitedIfZero(int n) {
        return n == 0 ? 1_000_000 : n;
    }

    private static InetAddress ipv4(String value) throws BadValue {
        if (!value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            throw new BadValue("needs an IPv4 address, got '" + value + "'");
        }
        try {
            InetAddress address = InetAddress.getByName(value);
            if (address instanceof Inet4Address) {
                return address;
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw new BadValue("needs an IPv4 address, got '" + value + "'");
    }
}
