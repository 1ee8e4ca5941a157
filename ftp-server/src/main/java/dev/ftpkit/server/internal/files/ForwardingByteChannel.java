package dev.ftpkit.server.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * A channel that passes every call to another: a wrapper that watches writes (a quota, a fault) overrides
 * {@link #write(ByteBuffer)} and nothing else.
 */
public abstract class ForwardingByteChannel implements SeekableByteChannel {

    /** The channel every call goes to. */
    protected final SeekableByteChannel channel;

    /**
     * Wraps a channel.
     *
     * @param channel the channel every call goes to
     */
    protected ForwardingByteChannel(SeekableByteChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return channel.write(source);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return channel.read(destination);
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        channel.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
