package dev.ftpkit.examples.serve;

import dev.ftpkit.testsupport.Peers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM keys and certificates as openssl writes them, read with the JDK alone. */
class PemTest {

    @TempDir
    Path dir;

    private Path openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Peers.require("openssl").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return dir;
    }

    private void assertKeyMatchesCertificate(String keyFile, String algorithm) throws Exception {
        openssl("req", "-x509", "-new", "-key", keyFile, "-subj", "/CN=localhost", "-days", "2",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-out", "cert.pem");
        PrivateKey key = Pem.privateKey(Files.readString(dir.resolve(keyFile)));
        Certificate certificate = Pem.certificates(Files.readString(dir.resolve("cert.pem"))).get(0);
        String signatureAlgorithm = algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";

        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        assertThat(verifier.verify(signature)).as("the key signs what the certificate's public key verifies").isTrue();
        assertThat(ServerTls.fromPem(dir.resolve("cert.pem"), dir.resolve(keyFile), null)).isNotNull();
    }

    @Test
    void aPkcs1RsaKeyIsRead() throws Exception {
        openssl("genrsa", "-traditional", "-out", "rsa.pem", "2048");
        assertThat(Files.readString(dir.resolve("rsa.pem"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertKeyMatchesCertificate("rsa.pem", "RSA");
    }

    @Test
    void aPkcs8RsaKeyIsRead() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem");
        assertThat(Files.readString(dir.resolve("pkcs8.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");

        assertKeyMatchesCertificate("pkcs8.pem", "RSA");
    }

    @Test
    void aSec1EcKeyIsRead() throws Exception {
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        assertThat(Files.readString(dir.resolve("ec.pem"))).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertKeyMatchesCertificate("ec.pem", "EC");
    }

    @Test
    void anEncryptedKeyIsRefusedWithAHint() {
        String pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.privateKey(pem)).isInstanceOf(Pem.PemException.class)
                .hasMessageContaining("encrypted");
    }

    @Property(tries = 500)
    void junkIsAPemExceptionAndNothingElse(@ForAll String text) {
        for (String label : List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE")) {
            String pem = "-----BEGIN " + label + "-----\n" + text + "\n-----END " + label + "-----\n";
            try {
                Pem.privateKey(pem);
            } catch (Pem.PemException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            try {
                Pem.certificates(pem);
            } catch (Pem.PemException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
