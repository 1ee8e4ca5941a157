package dev.ftpkit.examples.bench;

import dev.ftpkit.server.ServerTlsContexts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one certificate every FTPS contender presents (RSA 2048, self-signed for 127.0.0.1), made with this JDK's
 * {@code keytool}: a PKCS12 key store for ftpkit's server and a PEM file (key, then certificate) for vsftpd's
 * {@code rsa_cert_file}. The same key on both sides, so the handshakes cost the same signature.
 */
final class BenchCertificate {

    private static final String PASSWORD = "bench-keystore";
    private static final String ALIAS = "ftpkit-bench";

    private final Path keystore;
    private final Path pem;

    private BenchCertificate(Path keystore, Path pem) {
        this.keystore = keystore;
        this.pem = pem;
    }

    /** Generates the key and certificate under {@code dir}. */
    static BenchCertificate generate(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path keystore = dir.resolve("bench.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = load(keystore);
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, PASSWORD.toCharArray());
        Path pem = dir.resolve("bench.pem");
        Files.writeString(pem, pemBlock("PRIVATE KEY", key.getEncoded())
                + pemBlock("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()), StandardCharsets.US_ASCII);
        return new BenchCertificate(keystore, pem);
    }

    /** The key and certificate that {@link #generate} made in {@code dir} earlier (another JVM's clients use it). */
    static BenchCertificate existing(Path dir) {
        return new BenchCertificate(dir.resolve("bench.p12"), dir.resolve("bench.pem"));
    }

    /** Key and certificate in PEM, as vsftpd's {@code rsa_cert_file} takes them. */
    Path pem() {
        return pem;
    }

    /** A server context presenting the certificate. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        return ServerTlsContexts.fromPkcs12(keystore, PASSWORD.toCharArray());
    }

    /** A client context trusting exactly this certificate. */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, load(keystore).getCertificate(ALIAS));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String pemBlock(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
