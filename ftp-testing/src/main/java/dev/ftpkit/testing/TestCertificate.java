package dev.ftpkit.testing;

import dev.ftpkit.testing.internal.SelfSignedCertificates;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made in memory with the JDK alone (an EC
 * P-256 key, valid for 30 days), with the SSL contexts both ends of a test need: the server presents it, the
 * client trusts it and nothing else. For clients that read a trust store from disk, {@link #writeTrustStore} writes
 * one.
 */
public final class TestCertificate {

    private static final String ALIAS = "ftpkit-testing";
    private static final char[] KEY_PASSWORD = "ftpkit-testing".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * Generates a new key pair and certificate.
     *
     * @return the certificate
     * @throws IllegalStateException if the JDK cannot make an EC key or sign (it always can)
     */
    public static TestCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            return new TestCertificate(keys, SelfSignedCertificates.create(keys, "localhost",
                    InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 30));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /**
     * The certificate.
     *
     * @return the X.509 certificate
     */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server-side context that presents this certificate.
     *
     * @return a new TLS context
     */
    public SSLContext serverContext() {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(ALIAS, keys.getPrivate(), KEY_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the server's TLS context", e);
        }
    }

    /**
     * A client-side context that trusts this certificate and no other.
     *
     * @return a new TLS context
     */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the client's TLS context", e);
        }
    }

    /**
     * A PKCS#12 trust store holding this certificate.
     *
     * @return the key store
     * @throws GeneralSecurityException if the JDK cannot make a PKCS#12 store
     * @throws IOException              never in practice
     */
    public KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore store = emptyStore();
        store.setCertificateEntry(ALIAS, certificate);
        return store;
    }

    /**
     * Writes {@link #trustStore()} to a file, e.g. for {@code -Djavax.net.ssl.trustStore} or a client's
     * configuration.
     *
     * @param file     where (replaced if it exists)
     * @param password the store's password
     * @return the file
     * @throws IOException if the file cannot be written
     */
    public Path writeTrustStore(Path file, char[] password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore().store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the trust store " + file, e);
        }
        return file;
    }

    /**
     * The certificate in PEM form, for tools that want a CA file (curl's {@code --cacert}).
     *
     * @return the PEM text
     */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
