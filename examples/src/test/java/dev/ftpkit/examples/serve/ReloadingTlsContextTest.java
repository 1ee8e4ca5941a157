package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.CommandFailure;
import dev.ftpkit.examples.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s key store reloading: when the file changes, at most once per interval, never on a broken file. */
class ReloadingTlsContextTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean broken;

    private SSLContext load() throws CommandFailure {
        if (broken) {
            throw new CommandFailure(ExitCode.LOCAL_FILE, "--tls-keystore: not a PKCS12 key store");
        }
        loads.incrementAndGet();
        try {
            return SSLContext.getInstance("TLS");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReloadingTlsContext watching(Path file) throws CommandFailure {
        return ReloadingTlsContext.watching(List.of(file), this::load, INTERVAL, clock::get);
    }

    private void advance(Duration time) {
        clock.addAndGet(time.toNanos());
    }

    @Test
    void anUnchangedFileIsNotLoadedAgain() throws Exception {
        Path keystore = Files.writeString(dir.resolve("server.p12"), "v1");
        ReloadingTlsContext contexts = watching(keystore);
        SSLContext first = contexts.get();

        advance(INTERVAL.multipliedBy(3));

        assertThat(contexts.get()).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aReplacedFileIsLoadedOnceTheIntervalHasPassed() throws Exception {
        Path keystore = Files.writeString(dir.resolve("server.p12"), "v1");
        ReloadingTlsContext contexts = watching(keystore);
        SSLContext first = contexts.get();

        Files.writeString(dir.resolve("new.p12"), "version 2");
        Files.move(dir.resolve("new.p12"), keystore, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(contexts.get()).as("within the interval").isSameAs(first);
        advance(INTERVAL);

        SSLContext second = contexts.get();
        assertThat(second).isNotSameAs(first);
        assertThat(contexts.get()).isSameAs(second);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFileThatCannotBeLoadedKeepsThePreviousContext() throws Exception {
        Path keystore = Files.writeString(dir.resolve("server.p12"), "v1");
        ReloadingTlsContext contexts = watching(keystore);
        SSLContext first = contexts.get();

        broken = true;
        Files.writeString(keystore, "half written");
        advance(INTERVAL);

        assertThat(contexts.get()).isSameAs(first);
        broken = false;
        advance(INTERVAL);
        assertThat(contexts.get()).as("not retried until the file changes again").isSameAs(first);
        Files.writeString(keystore, "complete now, longer");
        advance(INTERVAL);
        assertThat(contexts.get()).isNotSameAs(first);
    }

    @Test
    void aFirstLoadThatFailsStopsTheServerFromStarting() {
        broken = true;
        assertThatThrownBy(() -> watching(dir.resolve("missing.p12"))).isInstanceOf(CommandFailure.class);
    }
}
