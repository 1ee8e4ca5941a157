package dev.ftpkit.server.internal.data;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's direct buffers are reused across transfers, and only a bounded number is kept idle. */
class DirectBuffersTest {

    @Test
    void aBufferGivenBackIsLentAgainCleared() {
        DirectBuffers buffers = new DirectBuffers();
        ByteBuffer first = buffers.standard();
        first.put((byte) 1).flip();
        buffers.give(first);
        ByteBuffer again = buffers.standard();
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.remaining()).isEqualTo(SocketDataConnection.BUFFER_SIZE);
        assertThat(again.isDirect()).isTrue();
    }

    @Test
    void eachSizeIsLentBackAsItself() {
        DirectBuffers buffers = new DirectBuffers();
        ByteBuffer large = buffers.large();
        assertThat(large.capacity()).isEqualTo(SocketDataConnection.LARGE_UPLOAD_BUFFER);
        buffers.give(large);
        assertThat(buffers.standard()).isNotSameAs(large);
        assertThat(buffers.large()).isSameAs(large);
    }

    @Test
    void onlyTheBoundOfIdleBuffersIsKept() {
        DirectBuffers buffers = new DirectBuffers(2, 1);
        ByteBuffer[] lent = {buffers.standard(), buffers.standard(), buffers.standard(), buffers.large(),
            buffers.large()};
        for (ByteBuffer buffer : lent) {
            buffers.give(buffer);
        }
        assertThat(buffers.idle()).isEqualTo(3);
    }

    @Test
    void givingNothingBackIsHarmless() {
        DirectBuffers buffers = new DirectBuffers();
        buffers.give(null);
        assertThat(buffers.idle()).isZero();
    }
}
