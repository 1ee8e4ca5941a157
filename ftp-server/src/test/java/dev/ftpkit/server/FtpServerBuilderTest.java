package dev.ftpkit.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpServerBuilderTest {

    @TempDir
    Path root;

    @Test
    void missingRootFailsNamingTheOption() {
        assertThatThrownBy(() -> FtpServer.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
    }

    @Test
    void rootThatIsNoDirectoryFails() {
        assertThatThrownBy(() -> FtpServer.builder().root(root.resolve("missing")).build())
                .hasMessageContaining("root is not a directory");
    }

    @Test
    void portOutOfRangeFailsNamingTheOption() {
        assertThatThrownBy(() -> FtpServer.builder().root(root).port(70_000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> FtpServer.builder().root(root).port(-1).build()).hasMessageContaining("port");
    }

    @Test
    void invertedOrEmptyPassiveRangeFails() {
        assertThatThrownBy(() -> PassiveSettings.builder().portRange(50_010, 50_000))
                .hasMessageContaining("passive portRange").hasMessageContaining("inverted");
        assertThatThrownBy(() -> PassiveSettings.builder().portRange(0, 50_000))
                .hasMessageContaining("passive portRange");
        assertThatThrownBy(() -> PassiveSettings.builder().portRange(1, 70_000))
                .hasMessageContaining("passive portRange");
    }

    @Test
    void nonPositiveTimeoutsAndLimitsFail() {
        assertThatThrownBy(() -> FtpServer.builder().root(root).idleTimeout(Duration.ZERO).build())
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> FtpServer.builder().root(root).maxSessions(0).build())
                .hasMessageContaining("maxSessions");
        assertThatThrownBy(() -> FtpServer.builder().root(root).maxLoginFailures(0).build())
                .hasMessageContaining("maxLoginFailures");
        assertThatThrownBy(() -> FtpServer.builder().root(root).greeting("two\r\nlines").build())
                .hasMessageContaining("greeting");
    }

    @Test
    void portZeroBindsAnEphemeralPortAndStartTwiceFails() throws Exception {
        try (FtpServer server = FtpServer.builder().root(root).port(0).build().start()) {
            assertThat(server.port()).isPositive();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void customVerbsNeedLettersAndDigitsOnly() {
        assertThatThrownBy(() -> CommandRegistry.standard().register("BAD VERB", CommandDescriptor.of((c, s) -> null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CommandRegistry.standard().verbs()).contains("RETR", "XSHA256", "MLSD", "HOST");
    }

    @Test
    void virtualThreadFactoryAlwaysYieldsAThread() {
        Thread thread = SessionThreads.virtualIfAvailable("test").newThread(() -> { });
        assertThat(thread).isNotNull();
        assertThat(thread.getName()).startsWith("test-");
    }

    @Test
    void passwordHashesVerifyOnlyTheRightPassword() {
        String hash = PasswordHash.hash("secret".toCharArray(), 1_000);
        assertThat(hash).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHash.verify("secret".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.verify("Secret".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.verify(new char[0], PasswordHash.hash(new char[0], 10))).isTrue();
        assertThat(PasswordHash.isHash("plain")).isFalse();
        assertThatThrownBy(() -> PasswordHash.verify("x".toCharArray(), "md5$x")).isInstanceOf(IllegalArgumentException.class);
    }
}
