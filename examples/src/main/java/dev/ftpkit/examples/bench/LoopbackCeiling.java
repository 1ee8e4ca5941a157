package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The loopback ceiling: plain Java sockets copying bytes from memory to memory with 64 KiB buffers, no FTP, no
 * files. A transfer cannot beat it by much; it shows how close each contender gets.
 */
final class LoopbackCeiling implements AutoCloseable {

    static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final Thread sink;

    LoopbackCeiling() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sink = new Thread(this::drain, "bench-loopback-sink");
        sink.setDaemon(true);
        sink.start();
    }

    /** Sends {@code bytes} over a fresh loopback connection and waits for the receiver's acknowledgement. */
    Sample copy(long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long machine = Cpu.machineNanos();
        long start = System.nanoTime();
        try (Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            socket.setSoTimeout(RawFtp.TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            for (long sent = 0; sent < bytes; sent += BUFFER) {
                out.write(buffer, 0, (int) Math.min(BUFFER, bytes - sent));
            }
            socket.shutdownOutput();
            if (socket.getInputStream().read() != 1) {
                throw new IOException("the loopback sink did not acknowledge");
            }
        }
        long nanos = System.nanoTime() - start;
        return Sample.transfer(nanos, bytes, 0, Cpu.machineNanos() - machine);
    }

    /** Accepts one connection after the other, reads it to the end, acknowledges with one byte. */
    private void drain() {
        byte[] buffer = new byte[BUFFER];
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(RawFtp.TIMEOUT_MILLIS);
                InputStream in = socket.getInputStream();
                while (in.read(buffer) >= 0) {
                    // dropped: only the copy is measured
                }
                socket.getOutputStream().write(1);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one failed copy fails that sample on the sending side; keep serving the next
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
