package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts ended sessions so a test can wait for the event instead of sleeping. */
final class Disconnects implements ServerListener {

    private final Semaphore ended = new Semaphore(0);

    @Override
    public void disconnected(FtpSession session) {
        ended.release();
    }

    /** Waits until {@code count} more sessions ended. */
    void await(int count, int seconds) throws InterruptedException {
        assertThat(ended.tryAcquire(count, seconds, TimeUnit.SECONDS))
                .as("%d sessions ended within %d s", count, seconds).isTrue();
    }
}
