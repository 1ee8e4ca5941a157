package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures are retried, how often, and the backoff between attempts. */
class RetryPolicyTest {

    private static final RetryPolicy THREE_QUICK = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

    @Test
    void connectionTroubleAnd421425426AreTransient() {
        assertThat(RetryPolicy.isTransient(new FtpReplyException(Reply.of(421, "bye")))).isTrue();
        assertThat(RetryPolicy.isTransient(new FtpReplyException(Reply.of(425, "no data")))).isTrue();
        assertThat(RetryPolicy.isTransient(new FtpTransferException("RETR", 10, Reply.of(426, "aborted"), null)))
                .isTrue();
        assertThat(RetryPolicy.isTransient(new FtpTransferException("RETR", 10, null,
                new SocketException("Connection reset")))).isTrue();
        assertThat(RetryPolicy.isTransient(new SocketTimeoutException("read timed out"))).isTrue();
        assertThat(RetryPolicy.isTransient(new EOFException("closed"))).isTrue();
    }

    @Test
    void permanentRepliesLocalErrorsAndGarbleAreNotTransient() {
        assertThat(RetryPolicy.isTransient(new FtpReplyException(Reply.of(550, "no such file")))).isFalse();
        assertThat(RetryPolicy.isTransient(new FtpReplyException(Reply.of(530, "not logged in")))).isFalse();
        assertThat(RetryPolicy.isTransient(new FtpTransferException("STOR", 0, Reply.of(552, "quota"), null)))
                .isFalse();
        assertThat(RetryPolicy.isTransient(new NoSuchFileException("x"))).isFalse();
        assertThat(RetryPolicy.isTransient(new FtpProtocolException("garbled"))).isFalse();
    }

    @Test
    void aTransientFailureIsTriedAgainUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String result = THREE_QUICK.run(n -> {
            if (attempts.incrementAndGet() < 3) {
                throw new FtpReplyException(Reply.of(421, "too many users"));
            }
            return "done after " + n;
        });

        assertThat(result).isEqualTo("done after 3");
    }

    @Test
    void aPermanentFailureIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> THREE_QUICK.run(n -> {
            attempts.incrementAndGet();
            throw new FtpReplyException(Reply.of(550, "gone"));
        })).isInstanceOf(FtpReplyException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theLastTransientFailureIsThrownWhenTheRetriesAreUsedUp() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> THREE_QUICK.run(n -> {
            attempts.incrementAndGet();
            throw new SocketException("reset " + n);
        })).isInstanceOf(SocketException.class).hasMessage("reset 4");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayBefore(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badSettingsAreRefusedWithTheOptionsName() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).hasMessageContaining("retries");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("initialDelay");
    }

    @Test
    void ioExceptionsOtherThanNetworkOnesAreNotRetried() {
        assertThat(RetryPolicy.isTransient(new IOException("disk full"))).isFalse();
    }
}
