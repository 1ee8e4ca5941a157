package dev.ftpkit.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7151 HOST selects a virtual host with its own root and users. */
class VirtualHostTest {

    @Test
    void hostSelectsItsOwnRootAndUsers(@TempDir Path main, @TempDir Path other) throws Exception {
        Files.writeString(main.resolve("which.txt"), "main");
        Files.writeString(other.resolve("which.txt"), "other");
        Authenticator bob = InMemoryUsers.builder().iterations(1_000).user("bob", "pw").build();
        try (FtpServer server = TestServers.builder(main)
                .virtualHost(new VirtualHost("files.example.org", other, bob))
                .build().start()) {
            try (RawFtp ftp = RawFtp.connect(server.port())) {
                ftp.expect(220, "HOST files.example.org");
                ftp.expect(331, "USER alice");
                ftp.expect(530, "PASS " + TestServers.PASSWORD); // alice is not a user of this host
                ftp.expect(331, "USER bob");
                ftp.expect(230, "PASS pw");
                assertThat(new String(ftp.retrieve("which.txt"), StandardCharsets.UTF_8)).isEqualTo("other");
                assertThat(ftp.send("HOST files.example.org").codeValue()).isEqualTo(503);
            }
            try (RawFtp ftp = RawFtp.connect(server.port())) {
                assertThat(ftp.send("HOST unknown.example.org").codeValue()).isEqualTo(504);
                ftp.expect(331, "USER alice");
                ftp.expect(230, "PASS " + TestServers.PASSWORD);
                assertThat(new String(ftp.retrieve("which.txt"), StandardCharsets.UTF_8)).isEqualTo("main");
            }
        }
    }

    @Test
    void accountHomeIsTheUsersRoot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("homes/carol"));
        Files.writeString(root.resolve("top-secret.txt"), "not for carol");
        Authenticator carol = InMemoryUsers.builder().iterations(1_000)
                .user("carol", "pw", new Account("carol", "/homes/carol", Permission.all())).build();
        try (FtpServer server = TestServers.builder(root).authenticator(carol).build().start();
             RawFtp ftp = RawFtp.connect(server.port())) {
            ftp.expect(331, "USER carol");
            ftp.expect(230, "PASS pw");
            ftp.store("mine.txt", "carol's".getBytes(StandardCharsets.UTF_8));
            assertThat(ftp.send("SIZE /top-secret.txt").codeValue()).isEqualTo(550);
            assertThat(ftp.send("SIZE ../../top-secret.txt").codeValue()).isEqualTo(550);
        }
        assertThat(root.resolve("homes/carol/mine.txt")).hasContent("carol's");
    }
}
