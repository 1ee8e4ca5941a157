package dev.ftpkit.examples.serve;

import dev.ftpkit.server.Permission;

import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of {@code ftpkit serve} while it is assembled: the defaults, then a vsftpd.conf
 * ({@link VsftpdConf}), then the command line ({@link ServeCommand}), each overriding the one before. A null or
 * negative field leaves {@code FtpServer.builder()}'s default.
 */
final class ServeSettings {
    String host = "127.0.0.1";
    int port = 2121;
    Path root;
    final List<String[]> users = new ArrayList<>();
    boolean anonymous;
    /** What users with a password may do; write access is everything but SITE CHMOD. */
    Set<Permission> userPermissions = Permission.readOnly();
    /** What the anonymous user may do (vsftpd: anon_upload_enable, anon_mkdir_write_enable). */
    Set<Permission> anonymousPermissions = Permission.readOnly();
    int passiveMin;
    int passiveMax;
    InetAddress passiveAddress;
    boolean passive = true;
    boolean active = true;
    boolean passivePromiscuous;
    int maxSessions = 500;
    int maxSessionsPerAddress = -1;
    /** Behind a load balancer speaking the PROXY protocol: the ranges it connects from, or null when not. */
    List<String> trustedProxies;
    Duration idleTimeout;
    Duration dataTimeout;
    Duration loginFailureDelay;
    int maxLoginFailures = -1;
    String greeting;
    /** PKCS12 key store (command line). */
    Path tlsKeystore;
    String tlsPassword;
    /** PEM certificate chain and key (vsftpd's rsa_cert_file, rsa_private_key_file). */
    Path pemCertificate;
    Path pemKey;
    boolean tlsRequiredForLogin;
    boolean tlsRequiredForData;
    boolean tlsReuse = true;
    /** PEM trust anchors of client certificates, which are then required; null for none. */
    Path tlsClientCa;
    /** A client certificate whose CN names a user logs it in without a password. */
    boolean tlsCertLogin;
    int implicitTlsPort = -1;
    boolean verbose;
    /** The Prometheus endpoint's port: 0 for any, -1 for none. */
    int metricsPort = -1;
    Path xferlog;
    Path auditLog;
    /** Bytes per second of every session, -1 for no limit; the anonymous limit is -1 for the same. */
    long maxRate = -1;
    long maxRateAnonymous = -1;
    /** Bytes each named user may store. */
    final Map<String, Long> quotas = new LinkedHashMap<>();
    /** Failures that ban an address, 0 for never. */
    int banAfter;
    /** How long a first ban lasts, null for the server's default. */
    Duration banTime;
    /** The MODE Z compression level, -1 for no MODE Z. */
    int modeZLevel = -1;
    /** The charset of names for older clients; null for UTF-8. */
    Charset encoding;

    /** Every user, anonymous included, may write; SITE CHMOD needs {@link #allowChmod()} as well. */
    void allowWrites() {
        userPermissions = Permission.readWrite();
        anonymousPermissions = Permission.readWrite();
    }

    /** Users with a password may change modes (anonymous logins never hold CHMOD: the authenticator drops it). */
    void allowChmod() {
        Set<Permission> more = EnumSet.copyOf(userPermissions);
        more.add(Permission.CHMOD);
        userPermissions = Set.copyOf(more);
    }

    /** Users with a password may copy between servers (anonymous logins never hold FXP). */
    void allowFxp() {
        Set<Permission> more = EnumSet.copyOf(userPermissions);
        more.add(Permission.FXP);
        userPermissions = Set.copyOf(more);
    }

    /** Adds permissions to the anonymous user. */
    void allowAnonymous(Permission permission) {
        Set<Permission> more = EnumSet.copyOf(anonymousPermissions);
        more.add(permission);
        anonymousPermissions = Set.copyOf(more);
    }

    boolean tlsConfigured() {
        return tlsKeystore != null || pemCertificate != null;
    }

    /** Whether the anonymous user may change anything. */
    boolean anonymousMayWrite() {
        return anonymous && !Permission.readOnly().containsAll(anonymousPermissions);
    }
}
