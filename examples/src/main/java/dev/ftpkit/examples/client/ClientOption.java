package dev.ftpkit.examples.client;

import dev.ftpkit.examples.cli.CliOption;
import dev.ftpkit.examples.cli.OptionSpec;

import static dev.ftpkit.examples.cli.OptionSpec.flag;
import static dev.ftpkit.examples.cli.OptionSpec.value;

/**
 * Every option of the client subcommands, one line each: name, value, default and description. The common ones
 * apply to every client subcommand; each subcommand names the others it accepts.
 */
enum ClientOption implements CliOption {
    ACTIVE(true, flag("--active", "active mode: the server connects back (PORT/EPRT); default passive (EPSV, then PASV)")),
    NO_EPSV(true, flag("--no-epsv", "passive mode with PASV only, never EPSV")),
    USER(true, value("--user", "NAME:PASS", "anonymous, or the URL's user", "log in as this user")),
    TIMEOUT(true, value("--timeout", "SECONDS", "10 connect, 60 reply and data", "every network wait, 1..86400 seconds")),
    QUIET(true, flag("--quiet", "no progress bar").alias("-q")),
    VERBOSE(true, flag("--verbose", "show the protocol transcript (commands and replies, passwords masked) on stderr").alias("-v")),
    TLS(true, flag("--tls", "explicit TLS (AUTH TLS) before logging in; ftps:// URLs use implicit TLS")),
    TLS12_ONLY(true, flag("--tls12-only", "offer TLS 1.2 only (for servers whose TLS 1.3 is broken); default TLS 1.3 and 1.2")),
    INSECURE(true, flag("--insecure", "accept any server certificate (TLS without authentication)").alias("-k")),
    CACERT(true, value("--cacert", "FILE", "the JDK's trusted CAs", "trust the certificates in this PEM or PKCS12 file")),
    CACERT_PASSWORD(true, value("--cacert-password", "PASS", "none", "the password of a PKCS12 --cacert file")),
    CERT(true, value("--cert", "FILE.p12", "none", "present this client certificate (PKCS12 key and certificate) to servers that ask for one")),
    CERT_PASSWORD(true, value("--cert-password", "PASS", "", "the password of the --cert file and its key")),
    ENCODING(true, value("--encoding", "NAME", "UTF-8 (OPTS UTF8 ON when offered)",
            "the server's file name encoding, e.g. GBK, Shift_JIS, windows-1251, ISO-8859-1")),
    MODE_Z(true, flag("--mode-z", "compress transfers and listings (MODE Z, deflate); the server must offer it, vsftpd does not")),
    ASCII(false, flag("--ascii", "ASCII transfer (TYPE A, CRLF line ends); default binary")),
    RESUME(false, flag("--resume", "continue a partial transfer from where it stopped (REST)")),
    APPEND(false, flag("--append", "append to the remote file (APPE)")),
    LONG(false, flag("--long", "type, size, modification time and name per entry").alias("-l"));

    private final boolean common;
    private final OptionSpec spec;

    ClientOption(boolean common, OptionSpec spec) {
        this.common = common;
        this.spec = spec;
    }

    @Override
    public OptionSpec spec() {
        return spec;
    }

    /** Whether every client subcommand accepts this option. */
    boolean common() {
        return common;
    }
}
