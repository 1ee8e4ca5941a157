package dev.ftpkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Makes the {@link SSLContext} an FTPS server presents ({@link TlsSettings#builder(SSLContext)}) from a key
 * store file. Any other {@code SSLContext} with a key manager works as well.
 */
public final class ServerTlsContexts {

    private ServerTlsContexts() {
    }

    /**
     * Loads a PKCS12 key store holding the server's private key and certificate chain (as made by
     * {@code keytool -genkeypair -storetype PKCS12} or {@code openssl pkcs12 -export}) into a TLS context.
     *
     * @param keystore the {@code .p12} / {@code .pfx} file
     * @param password the password of the store and of its key
     * @return a server-side context presenting that key
     * @throws IOException              if the file cannot be read or the password is wrong
     * @throws GeneralSecurityException if the store holds no usable private key
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        return context(keyManagers(keystore, password), null);
    }

    /**
     * As {@link #fromPkcs12(Path, char[])}, with the trust anchors that client certificates must chain to
     * ({@link TlsSettings.Builder#clientAuth(ClientAuth)}): only these, never the JDK's default trust store.
     *
     * @param keystore             the {@code .p12} / {@code .pfx} file with the server's key
     * @param password             the password of the store and of its key
     * @param trustedClientIssuers the CA (or self-signed client) certificates to accept, at least one
     * @return a server-side context presenting that key and checking client certificates against those anchors
     * @throws IOException              if the file cannot be read or the password is wrong
     * @throws GeneralSecurityException if the store holds no usable private key
     * @throws IllegalArgumentException if {@code trustedClientIssuers} is empty
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password,
                                        Collection<X509Certificate> trustedClientIssuers)
            throws IOException, GeneralSecurityException {
        if (trustedClientIssuers.isEmpty()) {
            throw new IllegalArgumentException("trusted client issuers must not be empty");
        }
        return context(keyManagers(keystore, password), trustOnly(trustedClientIssuers));
    }

    /**
     * Trust managers that accept peer certificates issued by these certificates and by nothing else (not the JDK's
     * CAs: a public CA's certificate must not log anyone in), for an {@link SSLContext} built by hand.
     *
     * @param issuers the CA (or self-signed client) certificates to accept
     * @return the trust managers
     * @throws GeneralSecurityException if the JDK has no PKCS12 key store or default trust manager algorithm
     */
    public static TrustManager[] trustOnly(Collection<? extends Certificate> issuers) throws GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        try {
            anchors.load(null, null);
        } catch (IOException cannotHappen) { // an empty store reads no stream
            throw new GeneralSecurityException(cannotHappen);
        }
        int index = 0;
        for (Certificate issuer : issuers) {
            anchors.setCertificateEntry("client-issuer-" + index++, issuer);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        return trust.getTrustManagers();
    }

    /**
     * Reads the certificates of a PEM file ({@code -----BEGIN CERTIFICATE-----} blocks, e.g. a CA bundle), for
     * {@link #fromPkcs12(Path, char[], Collection)}.
     *
     * @param pem the file
     * @return its certificates, at least one
     * @throws IOException              if the file cannot be read
     * @throws GeneralSecurityException if it holds no certificate or a broken one
     */
    public static List<X509Certificate> readCertificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
            return certificates;
        }
    }

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    private static KeyManager[] keyManagers(Path keystore, char[] password)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        boolean hasKey = false;
        for (String alias : Collections.list(store.aliases())) {
            hasKey |= store.isKeyEntry(alias);
        }
        if (!hasKey) {
            throw new GeneralSecurityException("no private key in " + keystore);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys.getKeyManagers();
    }
}
