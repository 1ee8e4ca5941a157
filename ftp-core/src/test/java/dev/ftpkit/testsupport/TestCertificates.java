package dev.ftpkit.testsupport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} / {@code 127.0.0.1}, made at test time with the running
 * JDK's {@code keytool}, in the forms the peers need: a PKCS12 keystore for JSSE and a PEM file with key and
 * certificate for vsftpd ({@code rsa_cert_file}).
 */
public final class TestCertificates {

    /** The password of the keystore and its key. */
    public static final String PASSWORD = "changeit";
    private static final String ALIAS = "ftpkit-test";

    private final Path keystore;
    private final Path pem;

    private TestCertificates(Path keystore, Path pem) {
        this.keystore = keystore;
        this.pem = pem;
    }

    /** Generates a key pair and certificate under {@code dir}. */
    public static TestCertificates generate(Path dir) {
        return generate(dir, "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
    }

    /**
     * Generates a self-signed client certificate for mutual TLS under {@code dir}: subject {@code CN=name}, and the
     * e-mail address {@code name@example.org} as subject alternative name. {@link #pem()} holds key and
     * certificate, as {@code curl --cert} takes them; {@link #keystore()} as {@code ftpkit --cert} takes them.
     */
    public static TestCertificates generateClient(Path dir, String name) {
        return generate(dir, "CN=" + name, "SAN=email:" + name + "@example.org");
    }

    private static TestCertificates generate(Path dir, String subject, String alternativeNames) {
        try {
            Path keystore = dir.resolve("ftpkit-test.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
                    "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", subject, "-ext", alternativeNames,
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            Path pem = dir.resolve("ftpkit-test.pem");
            Files.writeString(pem, pemOf(load(keystore)), StandardCharsets.US_ASCII);
            return new TestCertificates(keystore, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCS12 keystore holding the key and certificate (password {@link #PASSWORD}). */
    public Path keystore() {
        return keystore;
    }

    /** A PEM file with the private key (PKCS#8) followed by the certificate, as vsftpd's rsa_cert_file. */
    public Path pem() {
        return pem;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) load(keystore).getCertificate(ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keystore), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-side context that trusts exactly this certificate. */
    public SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, load(keystore).getCertificate(ALIAS));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String pemOf(KeyStore store) throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, PASSWORD.toCharArray());
        Certificate certificate = store.getCertificate(ALIAS);
        return pemBlock("PRIVATE KEY", key.getEncoded()) + pemBlock("CERTIFICATE", certificate.getEncoded());
    }

    private static String pemBlock(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
