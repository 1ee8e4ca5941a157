package dev.ftpkit.examples.cli;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;

import static org.assertj.core.api.Assertions.assertThat;

/** Exceptions become sentences naming the place and the reason, never a class name. */
class FailuresTest {

    @Test
    void networkFailuresNameHostPortAndReason() {
        assertThat(Failures.network(new ConnectException("Connection refused"), "127.0.0.1:21"))
                .isEqualTo("cannot connect to 127.0.0.1:21: connection refused (is a server running there?)");
        assertThat(Failures.network(new UnknownHostException("nowhere.invalid"), "nowhere.invalid:21"))
                .isEqualTo("unknown host nowhere.invalid");
        assertThat(Failures.network(new BindException("Address already in use"), "127.0.0.1:2121"))
                .startsWith("cannot listen on 127.0.0.1:2121: address already in use");
        assertThat(Failures.network(new SocketTimeoutException("Read timed out"), "h:21"))
                .isEqualTo("h:21 did not answer in time (see --timeout)");
        assertThat(Failures.network(new IOException("wrapped", new ConnectException("Connection refused")), "h:1"))
                .startsWith("cannot connect to h:1");
    }

    @Test
    void anUntrustedCertificateUnderAHandshakeFailurePointsAtCacertAndInsecure() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path");
        handshake.initCause(new CertificateException("PKIX path building failed: sun.security.provider.x"));

        assertThat(Failures.network(handshake, "localhost:990")).isEqualTo("TLS with localhost:990 failed: the "
                + "server's certificate is not trusted (no trusted issuer); " + Failures.TRUST_HINT)
                .doesNotContain("sun.");
    }

    @Test
    void localFileFailuresNameThePathAndReason() {
        assertThat(Failures.localFile(new AccessDeniedException("/etc/shadow"), "x"))
                .contains("/etc/shadow: permission denied");
        assertThat(Failures.localFile(new NoSuchFileException("/nonexistent/dir/x.txt"), "x"))
                .contains("/nonexistent/dir/x.txt: no such file or directory (its directory /nonexistent/dir does not exist)");
        assertThat(Failures.localFile(new ConnectException("refused"), "x")).isEmpty();
    }
}
