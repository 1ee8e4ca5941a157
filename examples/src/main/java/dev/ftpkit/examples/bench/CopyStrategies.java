package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The ways a Java FTP server can move a file to or from a data connection, measured on their own (no FTP): a heap
 * {@code byte[]} through the socket's streams (what {@code java.net.Socket} code does), a direct {@link ByteBuffer}
 * through {@link SocketChannel}, and {@link FileChannel#transferTo}/{@link FileChannel#transferFrom} (sendfile on
 * Linux). The peer is in this JVM and the same for all: a channel reading into a direct buffer, or writing from one.
 */
final class CopyStrategies implements AutoCloseable {

    static final int BUFFER = 64 * 1024;

    /** What is measured. */
    enum Strategy {
        HEAP_STREAMS("64 KiB heap byte[] via Socket streams"),
        DIRECT_CHANNEL("64 KiB direct ByteBuffer via SocketChannel"),
        TRANSFER("FileChannel.transferTo / transferFrom");

        final String label;

        Strategy(String label) {
            this.label = label;
        }
    }

    private final ServerSocketChannel sink;
    private final ServerSocketChannel source;
    private volatile long sourceBytes;

    CopyStrategies() throws IOException {
        sink = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        source = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon("bench-copy-sink", this::drain);
        daemon("bench-copy-source", this::feed);
    }

    /** Sends {@code file} to the sink the given way ("RETR"). */
    Sample send(Strategy strategy, Path file) throws IOException {
        long size = Files.size(file);
        long cpu = Cpu.selfNanos();
        long machine = Cpu.machineNanos();
        long start = System.nanoTime();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             SocketChannel channel = SocketChannel.open(sink.getLocalAddress())) {
            switch (strategy) {
                case HEAP_STREAMS -> {
                    Socket socket = channel.socket();
                    OutputStream out = socket.getOutputStream();
                    byte[] buffer = new byte[BUFFER];
                    ByteBuffer wrapped = ByteBuffer.wrap(buffer);
                    for (int n = in.read(wrapped); n >= 0; wrapped.clear(), n = in.read(wrapped)) {
                        out.write(buffer, 0, n);
                    }
                }
                case DIRECT_CHANNEL -> {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                    while (in.read(buffer) >= 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        buffer.clear();
                    }
                }
                case TRANSFER -> {
                    for (long sent = 0; sent < size; ) {
                        sent += in.transferTo(sent, size - sent, channel);
                    }
                }
            }
            channel.shutdownOutput();
            awaitAck(channel);
        }
        long nanos = System.nanoTime() - start;
        return Sample.transfer(nanos, size, Cpu.selfNanos() - cpu, Cpu.machineNanos() - machine);
    }

    /** Receives {@code bytes} from the source into {@code file} the given way ("STOR"). */
    Sample receive(Strategy strategy, Path file, long bytes) throws IOException {
        sourceBytes = bytes;
        long cpu = Cpu.selfNanos();
        long machine = Cpu.machineNanos();
        long start = System.nanoTime();
        long total = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             SocketChannel channel = SocketChannel.open(source.getLocalAddress())) {
            switch (strategy) {
                case HEAP_STREAMS -> {
                    InputStream in = channel.socket().getInputStream();
                    byte[] buffer = new byte[BUFFER];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        ByteBuffer wrapped = ByteBuffer.wrap(buffer, 0, n);
                        while (wrapped.hasRemaining()) {
                            out.write(wrapped);
                        }
                        total += n;
                    }
                }
                case DIRECT_CHANNEL -> {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                    for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            out.write(buffer);
                        }
                        buffer.clear();
                        total += n;
                    }
                }
                case TRANSFER -> {
                    for (long n = out.transferFrom(channel, total, BUFFER * 16L); n > 0;
                            n = out.transferFrom(channel, total, BUFFER * 16L)) {
                        total += n;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - start;
        if (total != bytes) {
            throw new IOException("received " + total + " of " + bytes + " bytes");
        }
        return Sample.transfer(nanos, bytes, Cpu.selfNanos() - cpu, Cpu.machineNanos() - machine);
    }

    private static void awaitAck(SocketChannel channel) throws IOException {
        channel.socket().setSoTimeout(RawFtp.TIMEOUT_MILLIS);
        if (channel.socket().getInputStream().read() != 1) {
            throw new IOException("the sink did not acknowledge");
        }
    }

    private void drain() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        while (sink.isOpen()) {
            try (SocketChannel channel = sink.accept()) {
                while (channel.read(buffer) >= 0) {
                    buffer.clear();
                }
                channel.write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                if (!sink.isOpen()) {
                    return;
                }
            }
        }
    }

    private void feed() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        while (source.isOpen()) {
            try (SocketChannel channel = source.accept()) {
                for (long sent = 0, size = sourceBytes; sent < size; ) {
                    buffer.clear().limit((int) Math.min(BUFFER, size - sent));
                    while (buffer.hasRemaining()) {
                        sent += channel.write(buffer);
                    }
                }
            } catch (IOException e) {
                if (!source.isOpen()) {
                    return;
                }
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        sink.close();
        source.close();
    }
}
