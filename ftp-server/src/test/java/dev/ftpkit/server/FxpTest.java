package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.Fxp;
import dev.ftpkit.client.FxpException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.BoundSocketFactory;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-to-server copies between two ftpkit servers, one on 127.0.0.1 and one on 127.0.0.2, driven by a client
 * on 127.0.0.3: each server sees the other's data connection come from a host that is not its client.
 */
class FxpTest {

    private static final String USER = "copier";
    private static final String PASSWORD = "pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path sourceRoot;
    @TempDir
    Path targetRoot;

    private static FtpServer server(Path root, String host, boolean fxp) throws IOException {
        Set<Permission> permissions = EnumSet.copyOf(Permission.readWrite());
        if (fxp) {
            permissions.add(Permission.FXP);
        }
        Authenticator users = InMemoryUsers.builder().iterations(1_000)
                .user(USER, PASSWORD, Account.atRoot(USER, permissions)).build();
        return TestServers.builder(root).host(host).authenticator(users).build().start();
    }

    /** A client whose sockets come from 127.0.0.3, a third host to both servers. */
    private static FtpClient client(FtpServer server) throws IOException {
        FtpClient client = FtpClientConfig.builder().socketFactory(BoundSocketFactory.from("127.0.0.3")).timeouts(Duration.ofSeconds(30)).build()
                .connect(server.address().getAddress().getHostAddress(), server.port());
        client.login(USER, PASSWORD);
        return client;
    }

    private byte[] sourceFile(String name) throws IOException {
        byte[] bytes = new byte[1_500_000];
        new Random(7).nextBytes(bytes);
        Files.write(sourceRoot.resolve(name), bytes);
        return bytes;
    }

    @Test
    void fileIsCopiedBetweenTwoServersByteForByte() throws Exception {
        byte[] bytes = sourceFile("big.bin");
        try (FtpServer source = server(sourceRoot, "127.0.0.1", true);
             FtpServer target = server(targetRoot, "127.0.0.2", true);
             FtpClient from = client(source); FtpClient to = client(target)) {
            Fxp.copy(from, "big.bin", to, "copy.bin", TIMEOUT);

            assertThat(to.size("copy.bin")).isEqualTo(bytes.length);
            // both connections stay usable, in the type the client had chosen
            assertThat(from.listNames("")).containsExactly("big.bin");
        }
        assertThat(Files.readAllBytes(targetRoot.resolve("copy.bin"))).isEqualTo(bytes);
    }

    @Test
    void targetWithoutThePermissionRefusesThePort() throws Exception {
        sourceFile("a.bin");
        try (FtpServer source = server(sourceRoot, "127.0.0.1", true);
             FtpServer target = server(targetRoot, "127.0.0.2", false);
             FtpClient from = client(source); FtpClient to = client(target)) {
            assertThatThrownBy(() -> Fxp.copy(from, "a.bin", to, "copy.bin", TIMEOUT))
                    .isInstanceOfSatisfying(FxpException.class, e ->
                            assertThat(e.targetReply()).map(Reply::codeValue).hasValue(500));
            assertThat(to.listNames("")).isEmpty();
        }
        assertThat(targetRoot.resolve("copy.bin")).doesNotExist();
    }

    @Test
    void sourceWithoutThePermissionRefusesTheForeignConnectionAndNothingIsStored() throws Exception {
        sourceFile("a.bin");
        try (FtpServer source = server(sourceRoot, "127.0.0.1", false);
             FtpServer target = server(targetRoot, "127.0.0.2", true);
             FtpClient from = client(source); FtpClient to = client(target)) {
            assertThatThrownBy(() -> Fxp.copy(from, "a.bin", to, "copy.bin", TIMEOUT))
                    .isInstanceOfSatisfying(FxpException.class, e -> {
                        assertThat(e.sourceReply()).map(Reply::codeValue).hasValue(425);
                        assertThat(e.targetReply()).map(Reply::codeValue).hasValue(426);
                    });
            assertThat(from.listNames("")).containsExactly("a.bin");
            assertThat(to.listNames("")).isEmpty();
        }
        assertThat(targetRoot.resolve("copy.bin")).doesNotExist();
    }

    @Test
    void missingSourceFileAbortsTheTargetsStore() throws Exception {
        try (FtpServer source = server(sourceRoot, "127.0.0.1", true);
             FtpServer target = server(targetRoot, "127.0.0.2", true);
             FtpClient from = client(source); FtpClient to = client(target)) {
            assertThatThrownBy(() -> Fxp.copy(from, "missing.bin", to, "copy.bin", TIMEOUT))
                    .isInstanceOfSatisfying(FxpException.class, e -> {
                        assertThat(e.sourceReply()).map(Reply::codeValue).hasValue(550);
                        assertThat(e.targetReply()).map(Reply::codeValue).hasValueSatisfying(
                                code -> assertThat(code).isBetween(400, 599));
                    });
            assertThat(to.listNames("")).isEmpty();
        }
        assertThat(targetRoot.resolve("copy.bin")).doesNotExist();
    }

    private static FtpClient vsftpdClient(Vsftpd vsftpd) throws IOException {
        FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build()
                .connect(vsftpd.host(), vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    @Test
    void vsftpdWithPasvPromiscuousIsASource() throws Exception {
        Peers.require("vsftpd");
        try (Vsftpd vsftpd = Vsftpd.builder(sourceRoot).option("pasv_promiscuous", "YES").start()) {
            byte[] bytes = new byte[300_000];
            new Random(8).nextBytes(bytes);
            Files.write(vsftpd.root().resolve("from-vsftpd.bin"), bytes);
            try (FtpServer target = server(targetRoot, "127.0.0.2", true);
                 FtpClient from = vsftpdClient(vsftpd); FtpClient to = client(target)) {
                Fxp.copy(from, "from-vsftpd.bin", to, "copy.bin", TIMEOUT);
            }
            assertThat(Files.readAllBytes(targetRoot.resolve("copy.bin"))).isEqualTo(bytes);
        }
    }

    @Test
    void vsftpdWithPortPromiscuousIsATarget() throws Exception {
        Peers.require("vsftpd");
        byte[] bytes = sourceFile("to-vsftpd.bin");
        try (Vsftpd vsftpd = Vsftpd.builder(targetRoot).option("port_promiscuous", "YES").start()) {
            try (FtpServer source = server(sourceRoot, "127.0.0.2", true);
                 FtpClient from = client(source); FtpClient to = vsftpdClient(vsftpd)) {
                Fxp.copy(from, "to-vsftpd.bin", to, "upload/copy.bin", TIMEOUT);
            }
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("copy.bin"))).isEqualTo(bytes);
        }
    }

    @Test
    void vsftpdByDefaultRefusesToBeATarget() throws Exception {
        Peers.require("vsftpd");
        sourceFile("a.bin");
        try (Vsftpd vsftpd = Vsftpd.builder(targetRoot).start();
             FtpServer source = server(sourceRoot, "127.0.0.2", true);
             FtpClient from = client(source); FtpClient to = vsftpdClient(vsftpd)) {
            assertThatThrownBy(() -> Fxp.copy(from, "a.bin", to, "upload/copy.bin", TIMEOUT))
                    .isInstanceOfSatisfying(FxpException.class, e ->
                            assertThat(e.targetReply()).map(Reply::codeValue).hasValue(500));
        }
    }

    @Test
    void anonymousLoginsNeverHoldFxp() throws Exception {
        Account anonymous = Authenticator.anonymous(EnumSet.allOf(Permission.class))
                .authenticate("anonymous", "x@", InetAddress.getLoopbackAddress()).orElseThrow();
        assertThat(anonymous.may(Permission.FXP)).isFalse();
        assertThat(Permission.all()).doesNotContain(Permission.FXP);
    }
}
