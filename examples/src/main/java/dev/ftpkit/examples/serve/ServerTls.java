package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.CommandFailure;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.cli.Failures;
import dev.ftpkit.server.ServerTlsContexts;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;

/**
 * The server's TLS context for {@code serve}, from a PKCS12 key store or from PEM files, with failures told apart:
 * a missing or unreadable file and a file in the wrong format exit 4 (local file), a wrong password exits 2 (usage).
 */
final class ServerTls {

    private static final char[] NO_PASSWORD = new char[0];

    private ServerTls() {
    }

    /**
     * Loads a PKCS12 key store.
     *
     * @param file the key store
     * @param password its password
     * @return a server context presenting its key
     * @throws CommandFailure naming the file and what is wrong with it
     */
    static SSLContext fromPkcs12(Path file, String password, Path clientCa) throws CommandFailure {
        byte[] bytes = read("--tls-keystore", file);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                store.load(in, password.toCharArray());
            }
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CommandFailure(ExitCode.USAGE, "--tls-keystore " + file
                        + ": wrong password (check --tls-password)");
            }
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-keystore " + file
                    + ": not a PKCS12 key store (make one with keytool -genkeypair -storetype PKCS12, or"
                    + " openssl pkcs12 -export)");
        } catch (GeneralSecurityException e) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-keystore " + file + ": cannot be read as PKCS12");
        }
        try {
            if (Collections.list(store.aliases()).stream().noneMatch(alias -> isKey(store, alias))) {
                throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-keystore " + file
                        + ": holds no private key, only certificates");
            }
            return context(store, password.toCharArray(), clientCa);
        } catch (GeneralSecurityException e) {
            throw new CommandFailure(ExitCode.USAGE, "--tls-keystore " + file
                    + ": the key's password differs from --tls-password");
        }
    }

    /**
     * Loads a PEM certificate chain and private key (vsftpd's rsa_cert_file and rsa_private_key_file, which may be
     * the same file).
     *
     * @param certificateFile PEM with one or more {@code CERTIFICATE} blocks, the server's first
     * @param keyFile PEM with a PKCS#8, PKCS#1 (RSA) or SEC1 (EC) private key
     * @return a server context presenting them
     * @throws CommandFailure naming the file and what is wrong with it
     */
    static SSLContext fromPem(Path certificateFile, Path keyFile, Path clientCa) throws CommandFailure {
        String certificates = new String(read("rsa_cert_file", certificateFile), java.nio.charset.StandardCharsets.US_ASCII);
        String key = new String(read("rsa_private_key_file", keyFile), java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Certificate[] chain = Pem.certificates(certificates).toArray(Certificate[]::new);
            PrivateKey privateKey = Pem.privateKey(key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, NO_PASSWORD, chain);
            return context(store, NO_PASSWORD, clientCa);
        } catch (Pem.PemException e) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, e.getMessage() + " (rsa_cert_file " + certificateFile
                    + ", rsa_private_key_file " + keyFile + ")");
        } catch (IOException | GeneralSecurityException e) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "rsa_cert_file " + certificateFile + " and rsa_private_key_file "
                    + keyFile + " do not make a key and certificate JSSE accepts");
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** @param clientCa the trust anchors of client certificates (PEM), or null for none */
    private static SSLContext context(KeyStore store, char[] password, Path clientCa)
            throws GeneralSecurityException, CommandFailure {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), clientCa == null ? null : clientTrust(clientCa), null);
        return context;
    }

    /** Only the CAs of the file, never the JDK's: a public CA's certificate must not log anyone in. */
    private static TrustManager[] clientTrust(Path clientCa) throws CommandFailure, GeneralSecurityException {
        String pem = new String(read("--tls-client-ca", clientCa), java.nio.charset.StandardCharsets.US_ASCII);
        List<Certificate> anchors;
        try {
            anchors = Pem.certificates(pem);
        } catch (Pem.PemException e) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-client-ca " + clientCa + ": " + e.getMessage());
        }
        if (anchors.isEmpty()) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-client-ca " + clientCa + ": holds no certificate");
        }
        return ServerTlsContexts.trustOnly(anchors);
    }

    private static byte[] read(String option, Path file) throws CommandFailure {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, option + " " + Failures.localFile(e, file.toString())
                    .orElse(file + ": cannot be read"));
        }
    }
}
