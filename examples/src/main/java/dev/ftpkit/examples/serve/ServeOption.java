package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.cli.CliOption;
import dev.ftpkit.examples.cli.OptionSpec;

import static dev.ftpkit.examples.cli.OptionSpec.flag;
import static dev.ftpkit.examples.cli.OptionSpec.value;

/** The options of {@code ftpkit serve}, one line each: name, value, default and description. */
enum ServeOption implements CliOption {
    CONFIG(value("--config", "FILE", "", "read a vsftpd.conf (its supported keys); options given here override it")),
    HOST(value("--host", "ADDR", "127.0.0.1", "address to listen on (vsftpd: listen_address)")),
    PORT(value("--port", "N", "2121", "port to listen on; 0 = any free port (listen_port)")),
    ROOT(value("--root", "DIR", "", "existing directory to serve; required unless --config names anon_root or local_root")),
    USER(value("--user", "NAME:PASS", "", "a user who logs in with a password").mayRepeat()),
    ANONYMOUS(flag("--anonymous", "let anyone log in as anonymous or ftp (anonymous_enable)")),
    WRITE(flag("--write", "give every user, anonymous included, write access: upload, delete, rename, mkdir")),
    ALLOW_CHMOD(flag("--allow-chmod", "let --user accounts change modes with SITE CHMOD (anonymous users never may)")),
    ALLOW_FXP(flag("--allow-fxp", "let --user accounts copy to and from other servers (FXP: PORT and passive connections to other hosts)")),
    MODE_Z(flag("--mode-z", "offer MODE Z (deflate) transfers")),
    MODE_Z_LEVEL(value("--mode-z-level", "N", "6", "compression level of MODE Z, 0 (store) to 9 (best); implies --mode-z")),
    ENCODING(value("--encoding", "NAME", "UTF-8", "file names on the wire in this charset for older clients, e.g. ISO-8859-1, GBK (FEAT then omits UTF8; OPTS UTF8 ON switches a session to UTF-8)")),
    PASSIVE_PORTS(value("--passive-ports", "MIN-MAX", "any free port", "ports for passive data connections (pasv_min_port, pasv_max_port)")),
    PASSIVE_ADDRESS(value("--passive-address", "ADDR", "the control connection's local address", "IPv4 address advertised in 227 replies (pasv_address)")),
    NO_PASSIVE(flag("--no-passive", "refuse PASV and EPSV (pasv_enable=NO)")),
    NO_ACTIVE(flag("--no-active", "refuse PORT and EPRT (port_enable=NO)")),
    MAX_SESSIONS(value("--max-sessions", "N", "500", "most sessions at once (max_clients)")),
    MAX_SESSIONS_PER_IP(value("--max-sessions-per-ip", "N", "100", "most sessions at once from one client address (max_per_ip)")),
    PROXY_PROTOCOL(flag("--proxy-protocol", "behind a load balancer: every connection begins with a PROXY v1/v2 header naming the client")),
    TRUSTED_PROXIES(value("--trusted-proxies", "CIDR,...", "127.0.0.1/32,::1/128", "balancers whose PROXY headers are believed; others get no greeting")),
    TLS_KEYSTORE(value("--tls-keystore", "FILE.p12", "", "PKCS12 key store with the server's key and certificate: offers AUTH TLS")),
    TLS_PASSWORD(value("--tls-password", "PASS", "", "password of the --tls-keystore file")),
    TLS_REQUIRED(flag("--tls-required", "refuse logins and transfers without TLS")),
    IMPLICIT_TLS_PORT(value("--implicit-tls-port", "N", "none", "also listen for implicit TLS (ftps://) on this port; 0 = any free port")),
    NO_TLS_REUSE(flag("--no-tls-reuse", "let data connections start a new TLS session (require_ssl_reuse=NO)")),
    TLS_CLIENT_CA(value("--tls-client-ca", "FILE.pem", "none", "require a client certificate issued by a CA in this PEM file, in addition to the password (vsftpd require_cert, validate_cert, ca_certs_file)")),
    TLS_CERT_LOGIN(flag("--tls-cert-login", "a client certificate whose subject CN is a --user name logs that user in with USER alone, no password (needs --tls-client-ca)")),
    METRICS_PORT(value("--metrics-port", "N", "none", "serve Prometheus metrics at http://127.0.0.1:N/metrics; 0 = any free port")),
    XFERLOG(value("--xferlog", "FILE", "none", "append one wu-ftpd/vsftpd xferlog line per file transfer")),
    AUDIT_LOG(value("--audit-log", "FILE", "none", "append JSON lines: logins, transfers, deletes, renames, directory changes")),
    MAX_RATE(value("--max-rate", "RATE", "none", "bytes per second for each session, each way (local_max_rate); 5M = 5,000,000")),
    MAX_RATE_ANONYMOUS(value("--max-rate-anonymous", "RATE", "--max-rate", "bytes per second for each anonymous session instead (anon_max_rate)")),
    QUOTA(value("--quota", "NAME:SIZE", "", "the most bytes user NAME may store; past it uploads get 552").mayRepeat()),
    BAN_AFTER(value("--ban-after", "N", "never", "ban an address after N failed logins (or bounce attempts, PASV floods, overlong lines)")),
    BAN_SECONDS(value("--ban-seconds", "S", "900", "how long a first ban lasts; each later ban of the address lasts twice as long")),
    VERBOSE(flag("--verbose", "log every command and reply (the protocol transcript) to stderr").alias("-v"));

    private final OptionSpec spec;

    ServeOption(OptionSpec spec) {
        this.spec = spec;
    }

    @Override
    public OptionSpec spec() {
        return spec;
    }
}
