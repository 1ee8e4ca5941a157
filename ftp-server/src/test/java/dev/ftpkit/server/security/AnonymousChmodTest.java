package dev.ftpkit.server.security;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous SITE CHMOD (issue 13, attack 5): {@code SITE CHMOD 777 /} from an anonymous login made the root
 * world-writable. Anonymous users never change modes (vsftpd answers 550); a named user needs the CHMOD
 * permission, which the plain read-write default does not hold.
 */
class AnonymousChmodTest extends SecurityFixture {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "root-of-all";

    @BeforeEach
    void startServer() throws IOException {
        Files.createDirectory(root.resolve("pub"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("pub"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Authenticator users = InMemoryUsers.builder().iterations(1_000)
                .user(RawFtp.USER, RawFtp.PASSWORD) // the default: read-write
                .user(ADMIN, ADMIN_PASSWORD, Account.atRoot(ADMIN, Permission.all()))
                .build()
                // the most an operator can hand anonymous users: still no mode changes
                .orElse(Authenticator.anonymous(Permission.all()));
        server = Security.server(root).authenticator(users).build().start();
    }

    private RawFtp login(String user, String password) throws IOException {
        RawFtp ftp = RawFtp.connect(server.port());
        ftp.expect(331, "USER " + user);
        ftp.expect(230, "PASS " + password);
        return ftp;
    }

    private Set<PosixFilePermission> mode(String path) throws IOException {
        return Files.getPosixFilePermissions(root.resolve(path));
    }

    @Test
    void anonymousChmodOfTheRootIsRefusedWith550AndTheModeStays() throws Exception {
        Set<PosixFilePermission> rootBefore = mode("");
        Set<PosixFilePermission> pubBefore = mode("pub");
        try (RawFtp anonymous = login("anonymous", "guest@example.com")) {
            assertThat(anonymous.reply("SITE CHMOD 777 /")).startsWith("550 ");
            assertThat(anonymous.reply("SITE CHMOD 000 pub")).startsWith("550 ");
            Security.bystanderIsServed(server);
            assertThat(anonymous.reply("NOOP")).startsWith("200 ");
        }

        assertThat(mode("")).isEqualTo(rootBefore);
        assertThat(mode("pub")).isEqualTo(pubBefore);
    }

    @Test
    void namedUserWithoutTheChmodPermissionIsRefusedWith550() throws Exception {
        Set<PosixFilePermission> before = mode("pub");
        try (RawFtp user = login(RawFtp.USER, RawFtp.PASSWORD)) {
            assertThat(user.reply("SITE CHMOD 777 pub")).startsWith("550 ");
            // the same user may still write: the refusal is about modes only
            assertThat(user.reply("MKD pub/made")).startsWith("257 ");
        }
        Security.bystanderIsServed(server);

        assertThat(mode("pub")).isEqualTo(before);
    }

    @Test
    void namedUserWithTheChmodPermissionChangesTheMode() throws Exception {
        try (RawFtp admin = login(ADMIN, ADMIN_PASSWORD)) {
            assertThat(admin.reply("SITE CHMOD 750 pub")).startsWith("200 ");
        }
        Security.bystanderIsServed(server);

        assertThat(PosixFilePermissions.toString(mode("pub"))).isEqualTo("rwxr-x---");
    }
}
