package dev.ftpkit.client;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds client {@link SSLContext}s for {@link FtpsConfig}: trusting the certificates of a PEM or PKCS12 file
 * (a private CA or a self-signed server), or, only when explicitly asked, trusting anything; each optionally
 * presenting a client certificate ({@link #clientCertificate(Path, char[])}) to servers that ask for one.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A context trusting exactly the certificates in a file: PEM ({@code -----BEGIN CERTIFICATE-----} blocks; other
     * blocks such as keys are ignored) or PKCS12 whose certificates are not encrypted (its certificate entries, and
     * the certificates of its key entries). A PKCS12 file made by {@code keytool} encrypts its certificates: use
     * {@link #trusting(Path, char[])} with its password.
     *
     * @param trustFile the PEM or PKCS12 file
     * @return the context
     * @throws IOException if the file cannot be read, is neither format, or holds no readable certificate
     */
    public static SSLContext trusting(Path trustFile) throws IOException {
        return trusting(trustFile, null);
    }

    /**
     * A context trusting exactly the certificates in a PEM or PKCS12 file (see {@link #trusting(Path)}).
     *
     * @param trustFile the PEM or PKCS12 file
     * @param password  the PKCS12 password (ignored for PEM), or null for none
     * @return the context
     * @throws IOException if the file cannot be read, is neither format, or holds no certificate
     */
    public static SSLContext trusting(Path trustFile, char[] password) throws IOException {
        return trusting(trustFile, password, null);
    }

    /**
     * A context trusting exactly the certificates in a PEM or PKCS12 file (see {@link #trusting(Path)}) and
     * presenting a client certificate when the server asks for one (mutual TLS).
     *
     * @param trustFile         the PEM or PKCS12 file
     * @param password          the PKCS12 password (ignored for PEM), or null for none
     * @param clientCertificate the client's key and certificate ({@link #clientCertificate(Path, char[])}), or
     *                          null to present none
     * @return the context
     * @throws IOException if the file cannot be read, is neither format, or holds no certificate
     */
    public static SSLContext trusting(Path trustFile, char[] password, KeyManager[] clientCertificate)
            throws IOException {
        byte[] bytes = Files.readAllBytes(trustFile);
        try {
            KeyStore trusted = isPem(bytes) ? fromPem(bytes) : fromPkcs12(bytes, password);
            if (trusted.size() == 0) {
                throw new IOException(trustFile + " holds no readable certificate"
                        + (password == null ? " (a PKCS12 file's certificates may need its password)" : ""));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientCertificate, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + trustFile + " as trusted certificates: " + e.getMessage(), e);
        }
    }

    /**
     * A context that accepts <b>any</b> server certificate and any host name. The connection is encrypted but not
     * authenticated: anyone on the path can read and change it. For tests and for {@code --insecure} only.
     *
     * @return the insecure context
     */
    public static SSLContext insecureTrustingAnyCertificate() {
        return insecureTrustingAnyCertificate(null);
    }

    /**
     * As {@link #insecureTrustingAnyCertificate()}, presenting a client certificate when the server asks for one.
     *
     * @param clientCertificate the client's key and certificate, or null to present none
     * @return the insecure context
     */
    public static SSLContext insecureTrustingAnyCertificate(KeyManager[] clientCertificate) {
        return context(clientCertificate, new TrustManager[] {new TrustingAnything()});
    }

    /**
     * A context trusting the JDK's CAs and presenting a client certificate when the server asks for one.
     *
     * @param clientCertificate the client's key and certificate ({@link #clientCertificate(Path, char[])})
     * @return the context
     */
    public static SSLContext presenting(KeyManager[] clientCertificate) {
        return context(Objects.requireNonNull(clientCertificate, "clientCertificate"), null);
    }

    /**
     * The key and certificate a client presents for mutual TLS (a server that asks for a certificate: RFC 8446
     * §4.3.2), from a PKCS12 file ({@code openssl pkcs12 -export}, {@code keytool -storetype PKCS12}) whose store and
     * key share the password. Pass them to {@link #trusting(Path, char[], KeyManager[])},
     * {@link #presenting(KeyManager[])} or {@link #insecureTrustingAnyCertificate(KeyManager[])}, and that context
     * to {@link FtpsConfig#explicit(SSLContext)}.
     *
     * @param pkcs12   the key store
     * @param password its password, also the key's
     * @return the key managers
     * @throws IOException if the file cannot be read, the password is wrong, or it holds no private key
     */
    public static KeyManager[] clientCertificate(Path pkcs12, char[] password) throws IOException {
        Objects.requireNonNull(password, "password");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IOException(pkcs12 + " holds no private key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return keys.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + pkcs12 + " as a client certificate: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    private static boolean isPem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.US_ASCII)
                .contains("-----BEGIN CERTIFICATE-----");
    }

    private static KeyStore fromPem(byte[] bytes) throws GeneralSecurityException, IOException {
        // CertificateFactory reads a sequence of PEM certificates, skipping text between them but not other PEM
        // blocks: keep only the CERTIFICATE blocks.
        String text = new String(bytes, StandardCharsets.US_ASCII);
        StringBuilder certificates = new StringBuilder();
        int from = 0;
        // Bounded by the text's length: each round moves past one block.
        while (true) {
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----", from);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                throw new IOException("unterminated PEM certificate");
            }
            end += "-----END CERTIFICATE-----".length();
            certificates.append(text, begin, end).append('\n');
            from = end;
        }
        Collection<? extends Certificate> found = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(certificates.toString().getBytes(StandardCharsets.US_ASCII)));
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate certificate : found) {
            store.setCertificateEntry("pem-" + i++, certificate);
        }
        return store;
    }

    private static KeyStore fromPkcs12(byte[] bytes, char[] password) throws GeneralSecurityException, IOException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            source.load(in, password);
        }
        KeyStore store = emptyStore();
        for (String alias : java.util.Collections.list(source.aliases())) {
            Certificate certificate = source.getCertificate(alias);
            if (certificate != null) {
                store.setCertificateEntry(alias, certificate);
            }
        }
        return store;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /**
     * Accepts every certificate. An {@link X509ExtendedTrustManager}, because JSSE performs host name checks itself
     * around a plain {@code X509TrustManager}; this one skips them too.
     */
    private static final class TrustingAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
