package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.OptionalLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLSocket;

/**
 * One transfer on an open data connection, from the 1xx reply to the final reply. Its streams count bytes,
 * report progress, send keep-alive NOOPs, and on close read and check the final reply (RFC 959 §5.4: 226/250
 * after the data connection closes). Closing the download stream before its end aborts the transfer.
 */
final class DataTransfer {

    private static final int NOOP_OK = 200;

    private final Transfers owner;
    private final ControlConnection control;
    private final Socket socket;
    /** The TCP connection under {@link #socket} (the same socket without TLS): an abandoned transfer resets it. */
    private final Socket tcp;
    private final Command command;
    private final TransferProgress.Direction direction;
    private final long offset;
    private final OptionalLong total;
    private final TransferListener listener;
    private final long keepAliveNanos;
    private long lastControlActivity = System.nanoTime();
    private int noopsPending;
    private long bytes;
    private boolean dataEnded;
    private volatile boolean finished;
    /** When the write in progress started (nanoTime, never 0), or 0 when no write is in progress. */
    private volatile long writeStarted;
    private volatile boolean stalled;
    private final long dataTimeoutNanos;
    private Reply finalReply;
    private final Reply preliminaryReply;
    /** The MODE Z compression level of an upload, or -1 in MODE S (draft-preston-ftpext-deflate). */
    private final int modeZLevel;
    /** The MODE Z inflater or deflater, freed when the transfer finishes; null in MODE S. */
    private Inflater inflater;
    private Deflater deflater;

    DataTransfer(Transfers owner, ControlConnection control, Socket socket, Socket tcp, Command command,
                 TransferProgress.Direction direction, long offset, OptionalLong total, TransferListener listener,
                 long keepAliveNanos, long dataTimeoutNanos, Reply preliminaryReply, Reply finalReplyAlreadyRead,
                 int modeZLevel) {
        this.preliminaryReply = preliminaryReply;
        this.modeZLevel = modeZLevel;
        this.dataTimeoutNanos = dataTimeoutNanos;
        this.owner = owner;
        this.control = control;
        this.socket = socket;
        this.tcp = tcp;
        this.command = command;
        this.direction = direction;
        this.offset = offset;
        this.total = total;
        this.listener = listener;
        this.keepAliveNanos = keepAliveNanos;
        this.finalReply = finalReplyAlreadyRead;
        this.dataEnded = socket == null;
        control.events().transferStarted(command, direction);
        report();
    }

    long bytes() {
        return bytes;
    }

    Reply preliminaryReplyOrNull() {
        return preliminaryReply;
    }

    Reply finalReplyOrNull() {
        return finalReply;
    }

    boolean isFinished() {
        return finished;
    }

    private void report() {
        if (listener != TransferListener.NONE) {
            listener.progress(progress());
        }
    }

    private TransferProgress progress() {
        return new TransferProgress(command.argument(), direction, offset, bytes, total);
    }

    private void counted(long n) throws IOException {
        bytes += n;
        report();
        if (keepAliveNanos > 0) {
            long now = System.nanoTime();
            if (now - lastControlActivity >= keepAliveNanos) {
                lastControlActivity = now;
                control.send(Command.of("NOOP"));
                noopsPending++;
            }
        }
    }

    /**
     * The downloaded data; under MODE Z inflated, and the end of the zlib stream is the end of the data (a
     * connection that closes inside it, or bytes that are no zlib stream, fail the transfer).
     */
    InputStream input() throws IOException {
        InputStream wire = socket == null ? InputStream.nullInputStream() : socket.getInputStream();
        if (modeZLevel >= 0 && socket != null) {
            inflater = new Inflater();
            wire = new InflaterInputStream(wire, inflater, DataSockets.MODE_Z_BUFFER);
        }
        InputStream raw = wire;
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (finished) {
                    throw new IOException("the transfer is over");
                }
                if (dataEnded || len == 0) {
                    return dataEnded ? -1 : 0;
                }
                int n;
                try {
                    n = raw.read(b, off, len);
                } catch (IOException e) {
                    throw fail(e);
                }
                if (n < 0) {
                    dataEnded = true;
                    return -1;
                }
                counted(n);
                return n;
            }

            @Override
            public void close() throws IOException {
                if (finished) {
                    return;
                }
                if (dataEnded) {
                    complete();
                } else {
                    abort();
                }
            }
        };
    }

    /**
     * The plaintext in each full TLS 1.3 record that JSSE writes: 2^14 bytes less 17, room it keeps for the record's
     * content-type byte and 16 bytes of padding (OpenJDK's OutputRecord.calculateFragmentSize), whether it pads or not.
     */
    static final int TLS13_RECORD_DATA = 16_384 - 17;

    /**
     * How many bytes each write of an upload should carry: {@code bufferSize}, or on a TLS data connection the most
     * whole TLS 1.3 records that fit in it. JSSE cuts each write into records and sends what is left over as a
     * record of its own: a 64 KiB write went out as four full TLS 1.3 records and one of 68 bytes, and vsftpd, which
     * receives record by record, made a quarter more reads and writes for our uploads than for curl's (strace).
     * Four TLS 1.3 records' worth is four records under TLS 1.2 too (three of 16 KiB and a shorter one).
     */
    int writeSize(int bufferSize) {
        if (!(socket instanceof SSLSocket)) {
            return bufferSize;
        }
        return Math.max(TLS13_RECORD_DATA, bufferSize / TLS13_RECORD_DATA * TLS13_RECORD_DATA);
    }

    /** The uploaded data; under MODE Z deflated into one zlib stream that {@code close()} finishes. */
    OutputStream output() throws IOException {
        OutputStream wire = socket.getOutputStream();
        if (modeZLevel >= 0) {
            deflater = new Deflater(modeZLevel);
            wire = new DeflaterOutputStream(wire, deflater, DataSockets.MODE_Z_BUFFER);
        }
        OutputStream raw = wire;
        startStallWatchdog();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (finished) {
                    throw new IOException("the transfer is over");
                }
                try {
                    writeStarted = System.nanoTime() | 1;
                    raw.write(b, off, len);
                } catch (IOException e) {
                    throw fail(stalled ? stallTimeout(e) : e);
                } finally {
                    writeStarted = 0;
                }
                counted(len);
            }

            @Override
            public void close() throws IOException {
                if (!finished) {
                    if (raw instanceof DeflaterOutputStream deflating) {
                        try {
                            deflating.finish(); // the end of the zlib stream, before the end of the connection
                        } catch (IOException e) {
                            throw fail(e);
                        }
                    }
                    uploadEnded();
                }
            }
        };
    }

    /** The upload's data is all sent: ends the data connection (RFC 959 §3.3: its close ends the file). */
    void uploadEnded() throws IOException {
        dataEnded = true;
        TlsLayer.finishUpload(socket);
        complete();
    }

    /**
     * The data connection's channel when the bytes can go between it and a file without passing through the JVM's
     * heap ({@link ChannelCopy}): a plain TCP connection (no TLS) opened as a channel, in MODE S; else null.
     */
    SocketChannel plainChannel() {
        return socket != null && socket == tcp && modeZLevel < 0 && !finished ? socket.getChannel() : null;
    }

    /**
     * Runs one blocking channel operation of {@link ChannelCopy}: the stall watchdog guards it as it guards an
     * upload's writes (a blocking channel read has no timeout either), its bytes are counted, and its failure fails
     * the transfer.
     */
    long blocking(ChannelIo io) throws IOException {
        if (finished) {
            throw new IOException("the transfer is over");
        }
        long n;
        try {
            writeStarted = System.nanoTime() | 1;
            n = io.run();
        } catch (IOException e) {
            throw fail(stalled ? stallTimeout(e) : e);
        } finally {
            writeStarted = 0;
        }
        if (n > 0) {
            counted(n);
        } else if (n < 0) {
            dataEnded = true;
        }
        return n;
    }

    /** One blocking channel operation; returns the bytes it moved, or -1 at the end of the data connection. */
    @FunctionalInterface
    interface ChannelIo {
        long run() throws IOException;
    }

    /**
     * A blocking socket write has no timeout in Java: a server that stops reading would block an upload forever (and
     * neither has a blocking channel read). This daemon thread closes the data connection when one write (or
     * {@link #blocking} operation) makes no progress for the data timeout. It ends with the transfer.
     */
    void startStallWatchdog() {
        if (socket == null) {
            return;
        }
        long period = Math.max(5_000_000L, Math.min(dataTimeoutNanos / 4, 1_000_000_000L));
        Thread watchdog = new Thread(() -> {
            // Bounded by the transfer: the loop ends when it finishes or when the watchdog fires.
            while (!finished) {
                java.util.concurrent.locks.LockSupport.parkNanos(period);
                long started = writeStarted;
                if (started != 0 && System.nanoTime() - started > dataTimeoutNanos) {
                    stalled = true;
                    resetData();
                    return;
                }
            }
        }, "ftpkit-upload-watchdog-" + command.argument());
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private IOException stallTimeout(IOException cause) {
        java.net.SocketTimeoutException timeout = new java.net.SocketTimeoutException(
                "the data connection moved no bytes for " + dataTimeoutNanos / 1_000_000 + " ms");
        timeout.initCause(cause);
        return timeout;
    }

    /** Ends the data connection and checks the final reply. */
    void complete() throws IOException {
        closeData();
        try {
            Reply reply = readFinalReply();
            if (!reply.code().isPositiveCompletion()) {
                throw new FtpTransferException(command + " failed: " + reply.codeValue() + " " + reply.text(),
                        bytes, reply, new FtpReplyException(command.toString(), reply));
            }
        } catch (FtpTransferException e) {
            throw e;
        } catch (IOException e) {
            throw new FtpTransferException(command + " failed: " + e.getMessage(), bytes, null, e);
        } finally {
            finish();
        }
    }

    /** A data connection that broke: closes it, reads the server's final reply if it comes, reports the bytes. */
    private FtpTransferException fail(IOException cause) {
        resetData();
        Reply reply = null;
        try {
            reply = readFinalReply();
        } catch (IOException replyFailure) {
            cause.addSuppressed(replyFailure);
        } finally {
            finish();
        }
        return new FtpTransferException(command + " failed: " + cause.getMessage(), bytes, reply, cause);
    }

    /**
     * Aborts (RFC 959 §4.1.3): Telnet IP and Synch, ABOR, reset the data connection, then read the replies.
     * Servers answer 426 then 226, or 226 alone (or 225); a NOOP then brings the dialogue back in step whichever
     * order was used, so the connection is usable afterwards.
     */
    void abort() throws IOException {
        if (finished) {
            return;
        }
        try {
            if (finalReply == null) {
                control.sendAbort();
                resetData();
                Reply first = control.readReply();
                noopsAbsorbed(first);
            } else {
                resetData();
            }
            control.send(Command.of("NOOP"));
            // Bounded: 426 + 226 (or 226 + 225) + keep-alive replies + the NOOP's own 200.
            for (int i = 0; i < noopsPending + 4; i++) {
                Reply reply = control.readReply();
                if (reply.codeValue() == NOOP_OK && noopsPending == 0) {
                    control.inStep();
                    return;
                }
                noopsAbsorbed(reply);
            }
            throw new dev.ftpkit.core.FtpProtocolException("no reply to NOOP after ABOR; closing");
        } catch (IOException e) {
            control.close();
            throw e;
        } finally {
            resetData();
            finish();
        }
    }

    private void noopsAbsorbed(Reply reply) {
        if (reply.codeValue() == NOOP_OK && noopsPending > 0) {
            noopsPending--;
        }
    }

    /** The transfer's final reply; keep-alive NOOP replies (200) are skipped whether they come before or after. */
    private Reply readFinalReply() throws IOException {
        Reply result = finalReply;
        // Bounded: the transfer's reply, one per NOOP sent, and a few preliminary replies.
        for (int i = 0; i < noopsPending + 100 && (result == null || noopsPending > 0); i++) {
            Reply reply = control.readReply();
            if (reply.code().isPositivePreliminary()) {
                continue;
            }
            if (reply.codeValue() == NOOP_OK && noopsPending > 0) {
                noopsPending--;
                continue;
            }
            if (result == null) {
                result = reply;
            }
        }
        if (result == null) {
            throw new dev.ftpkit.core.FtpProtocolException("no final reply for " + command);
        }
        finalReply = result;
        return result;
    }

    private void closeData() {
        DataSockets.closeQuietly(socket);
    }

    /**
     * Ends an abandoned transfer's data connection with a TCP reset, never a clean end: a clean end (FIN, or a TLS
     * close_notify) after part of an upload reads to the server as a complete file, which it would store over the
     * old one. The TCP socket is reset first, so TLS has no chance to send its close_notify.
     */
    private void resetData() {
        DataSockets.reset(tcp);
        closeData();
    }

    private void finish() {
        freeModeZ();
        if (!finished) {
            finished = true;
            ended(finalReply != null && finalReply.code().isPositiveCompletion());
            report();
            owner.transferFinished(this);
        }
    }

    /** Closes the data connection without talking to the server (the control connection is being closed). */
    void closeSilently() {
        resetData();
        freeModeZ();
        if (!finished) {
            finished = true;
            ended(false);
        }
        owner.transferFinished(this);
    }

    /** Frees the native memory of the MODE Z (de)compressor at once rather than when it is collected. */
    private void freeModeZ() {
        if (inflater != null) {
            inflater.end();
        }
        if (deflater != null) {
            deflater.end();
        }
    }

    private void ended(boolean success) {
        control.events().transferEnded(command, direction, bytes, success);
    }
}
