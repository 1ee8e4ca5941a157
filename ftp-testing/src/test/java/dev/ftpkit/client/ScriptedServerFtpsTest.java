package dev.ftpkit.client;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FTPS refusal paths and CCC against a scripted server: a client that asked for TLS never logs in without it. */
class ScriptedServerFtpsTest {

    @TempDir
    static Path certificateDir;

    private static TestCertificates certificates;

    @BeforeAll
    static void generateCertificates() {
        certificates = TestCertificates.generate(certificateDir);
    }

    private static FtpClientConfig config(FtpsConfig tls) {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(5)).tls(tls).build();
    }

    private static FtpsConfig.Builder explicitTls() {
        return FtpsConfig.explicit(certificates.clientContext());
    }

    /** Reads what the client sends after a refusal until it closes the connection. */
    private static List<String> restOfDialogue(ScriptedFtpServer.Session s) {
        List<String> commands = new CopyOnWriteArrayList<>();
        // Bounded by the socket timeout and the client closing the connection.
        for (int i = 0; i < 10; i++) {
            try {
                commands.add(s.command());
            } catch (IOException closed) {
                break;
            }
        }
        return commands;
    }

    @Test
    void refusedAuthTlsFailsWithoutSendingTheUserName() throws Exception {
        List<String> afterRefusal = new CopyOnWriteArrayList<>();
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("502 no TLS here");
            afterRefusal.addAll(restOfDialogue(s));
        })) {
            assertThatThrownBy(() -> FtpClient.connect(config(explicitTls().build()), server.host(), server.port()))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(502));
            server.awaitScript();
        }
        assertThat(afterRefusal).noneMatch(command -> command.startsWith("USER") || command.startsWith("PASS"));
    }

    @Test
    void plaintextAfterTheAuthReplyIsRefusedAndNothingIsSent() throws Exception {
        List<String> afterInjection = new CopyOnWriteArrayList<>();
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead\n230 injected before the handshake");
            afterInjection.addAll(restOfDialogue(s));
        })) {
            assertThatThrownBy(() -> FtpClient.connect(config(explicitTls().build()), server.host(), server.port()))
                    .isInstanceOf(IOException.class);
            server.awaitScript();
        }
        assertThat(afterInjection).noneMatch(command -> command.startsWith("USER"));
    }

    @Test
    void refusedProtPFailsTheLogin() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            s.startTls(certificates.serverContext());
            s.expect("USER anonymous").reply("331 password");
            s.expect("PASS").reply("230 in");
            s.expect("PBSZ 0").reply("200 PBSZ=0");
            s.expect("PROT P").reply("534 protection refused");
            restOfDialogue(s);
        })) {
            FtpClient client = FtpClient.connect(config(explicitTls().build()), server.host(), server.port());
            try (client) {
                assertThatThrownBy(client::loginAnonymous)
                        .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(534));
            }
            server.awaitScript();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void cccReturnsTheControlConnectionToPlainTextAfterLogin(String protocol) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            s.startTls(certificates.serverContext());
            s.expect("USER anonymous").reply("331 password");
            s.expect("PASS").reply("230 in");
            s.expect("PBSZ 0").reply("200 PBSZ=0");
            s.expect("PROT P").reply("200 private");
            s.expect("CCC").reply("200 clearing");
            s.clearTls();
            s.expect("FEAT").reply("502 no features");
            s.expect("TYPE I").reply("200 binary");
            s.expect("NOOP").reply("200 in the clear");
            s.expect("QUIT").reply("221 bye");
        })) {
            try (FtpClient client = FtpClient.connect(
                    config(explicitTls().protocols(protocol).clearCommandChannel(true).build()),
                    server.host(), server.port())) {
                assertThat(client.tlsSession()).hasValueSatisfying(session ->
                        assertThat(session.getProtocol()).isEqualTo(protocol));
                client.loginAnonymous();
                assertThat(client.tlsSession()).isEmpty();
                client.noop();
                client.quit();
            }
            server.awaitScript();
        }
    }

    /**
     * The data connection's session is the control connection's: the same session (TLS 1.2, session ID) or one
     * resumed from it, sharing its creation time (TLS 1.3, PSK).
     */
    private static boolean resumed(javax.net.ssl.SSLSession control, javax.net.ssl.SSLSession data) {
        return java.util.Arrays.equals(control.getId(), data.getId())
                || control.getCreationTime() == data.getCreationTime();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"TLSv1.2, passive", "TLSv1.3, passive", "TLSv1.2, active",
            "TLSv1.3, active"})
    void dataConnectionsResumeTheControlSession(String protocol, String mode) throws Exception {
        javax.net.ssl.SSLContext serverContext = certificates.serverContext();
        byte[] content = "protected bytes\n".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Boolean> resumptions = new CopyOnWriteArrayList<>();
        java.io.ByteArrayOutputStream uploaded = new java.io.ByteArrayOutputStream();
        boolean active = mode.equals("active");
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            s.startTls(serverContext);
            s.expect("USER anonymous").reply("331 password");
            s.expect("PASS").reply("230 in");
            s.expect("PBSZ 0").reply("200 PBSZ=0");
            s.expect("PROT P").reply("200 private");
            s.expect("FEAT").reply("502 no features");
            s.expect("TYPE I").reply("200 binary");
            for (String verb : List.of("RETR", "STOR", "RETR")) {
                java.net.Socket plainData;
                if (active) {
                    String port = s.command();
                    String[] parts = port.substring(5).split(",");
                    int dataPort = Integer.parseInt(parts[4].trim()) * 256 + Integer.parseInt(parts[5].trim());
                    s.reply("200 PORT ok");
                    s.expect(verb).reply("150 go");
                    plainData = s.connectData(new java.net.InetSocketAddress("127.0.0.1", dataPort));
                } else {
                    int dataPort = s.listenForData();
                    s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + dataPort + "|)");
                    s.expect(verb).reply("150 go");
                    plainData = s.acceptData();
                }
                try (javax.net.ssl.SSLSocket data = s.secureData(plainData, serverContext)) {
                    resumptions.add(resumed(s.tlsSession(), data.getSession()));
                    if (verb.equals("RETR")) {
                        data.getOutputStream().write(content);
                    } else {
                        data.getInputStream().transferTo(uploaded);
                    }
                }
                s.reply("226 done");
            }
            s.expect("QUIT").reply("221 bye");
        })) {
            FtpClientConfig config = config(explicitTls().protocols(protocol).build()).toBuilder()
                    .dataConnectionMode(active ? DataConnectionMode.active() : DataConnectionMode.passive()).build();
            try (FtpClient client = FtpClient.connect(config, server.host(), server.port())) {
                client.loginAnonymous();
                try (java.io.InputStream in = client.retrieve("a")) {
                    assertThat(in.readAllBytes()).isEqualTo(content);
                }
                client.store(new java.io.ByteArrayInputStream(content), "b");
                try (java.io.InputStream in = client.retrieve("c")) {
                    assertThat(in.readAllBytes()).isEqualTo(content);
                }
                client.quit();
            }
            server.awaitScript();
        }
        assertThat(uploaded.toByteArray()).isEqualTo(content);
        assertThat(resumptions).containsExactly(true, true, true);
    }

    @Test
    void downloadCutWithoutCloseNotifyFailsEvenWhenTheServerSays226() throws Exception {
        javax.net.ssl.SSLContext serverContext = certificates.serverContext();
        byte[] content = new byte[200_000];
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            s.startTls(serverContext);
            s.expect("USER anonymous").reply("331 password");
            s.expect("PASS").reply("230 in");
            s.expect("PBSZ 0").reply("200 PBSZ=0");
            s.expect("PROT P").reply("200 private");
            s.expect("FEAT").reply("502 no features");
            s.expect("TYPE I").reply("200 binary");
            int dataPort = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + dataPort + "|)");
            s.expect("RETR").reply("150 go");
            java.net.Socket plainData = s.acceptData();
            javax.net.ssl.SSLSocket data = s.secureData(plainData, serverContext);
            data.getOutputStream().write(content, 0, 100_000);
            data.getOutputStream().flush();
            plainData.close(); // TCP closed under TLS: no close_notify, a truncation
            s.reply("226 done (the server is wrong)");
            restOfDialogue(s);
        })) {
            try (FtpClient client = FtpClient.connect(config(explicitTls().build()), server.host(), server.port())) {
                client.loginAnonymous();
                assertThatThrownBy(() -> client.retrieve("f", dir().resolve("f")))
                        .isInstanceOf(FtpTransferException.class)
                        .hasMessageContaining("without close_notify");
            }
            server.awaitScript();
        }
    }

    @TempDir
    Path testDir;

    private Path dir() {
        return testDir;
    }

    @Test
    void hostNameNotInTheCertificateIsRefused() throws Exception {
        // The certificate names localhost and 127.0.0.1, not ::1.
        java.net.InetAddress ipv6 = java.net.InetAddress.getByName("::1");
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ipv6, s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            try {
                s.startTls(certificates.serverContext());
            } catch (IOException expected) {
                // the client gives up during the handshake
            }
        })) {
            assertThatThrownBy(() -> FtpClient.connect(config(explicitTls().build()), "::1", server.port()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names matching IP address");
            server.awaitScript();
        }
    }

    @Test
    void hostNameVerificationCanBeTurnedOff() throws Exception {
        java.net.InetAddress ipv6 = java.net.InetAddress.getByName("::1");
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ipv6, s -> {
            s.reply("220 ready");
            s.expect("AUTH TLS").reply("234 go ahead");
            s.startTls(certificates.serverContext());
            s.expect("QUIT").reply("221 bye");
        })) {
            try (FtpClient client = FtpClient.connect(config(explicitTls().hostnameVerification(false).build()),
                    "::1", server.port())) {
                client.quit();
            }
            server.awaitScript();
        }
    }
}
