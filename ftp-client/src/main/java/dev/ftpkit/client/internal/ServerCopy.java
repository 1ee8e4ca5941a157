package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FxpException;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.ExtendedAddress;
import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The dialogue of a server-to-server copy ({@link dev.ftpkit.client.Fxp}): the source listens, the target
 * connects to it, STOR is started before RETR (so the target is connected and waiting when the source starts
 * sending), then both final replies.
 */
public final class ServerCopy {

    private final ClientSession source;
    private final ClientSession target;
    private final long deadline;

    private ServerCopy(ClientSession source, ClientSession target, Duration timeout) {
        this.source = source;
        this.target = target;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Copies one file; see {@link dev.ftpkit.client.Fxp#copy}.
     *
     * @param source     the source's client
     * @param sourcePath the file on the source
     * @param target     the target's client
     * @param targetPath where the target stores it
     * @param timeout    how long the whole copy may take
     * @throws IOException if it failed ({@link FxpException} when a server said so)
     */
    public static void copy(FtpClient source, String sourcePath, FtpClient target, String targetPath,
                            Duration timeout) throws IOException {
        if (!(source instanceof ClientSession from) || !(target instanceof ClientSession to)) {
            throw new IllegalArgumentException("FXP needs clients made by FtpClient.connect");
        }
        new ServerCopy(from, to, timeout).run(sourcePath, targetPath);
    }

    private void run(String sourcePath, String targetPath) throws IOException {
        source.transfers().prepareForCopy();
        target.transfers().prepareForCopy();
        InetSocketAddress listening = sourceListens();
        Reply port = target.control().execute(portCommand(listening));
        if (!port.code().isPositiveCompletion()) {
            throw new FxpException("the target refused to connect to the source (FXP not allowed?)", null, port);
        }
        Command stor = Command.of("STOR", targetPath);
        target.control().send(stor);
        Reply storing = target.control().readReply();
        if (!storing.code().isPositivePreliminary()) {
            throw new FxpException(stor + " refused by the target", null, storing);
        }
        Command retr = Command.of("RETR", sourcePath);
        source.control().send(retr);
        Reply sending = source.control().readReply();
        if (!sending.code().isPositivePreliminary()) {
            Reply targetSaid = abortTarget();
            throw new FxpException(retr + " refused by the source; the target's STOR aborted", sending, targetSaid);
        }
        Reply sent = finalReply(source);
        Reply stored = finalReply(target);
        if (!sent.code().isPositiveCompletion() || !stored.code().isPositiveCompletion()) {
            throw new FxpException("the copy of " + sourcePath + " to " + targetPath + " failed", sent, stored);
        }
    }

    /** EPSV (RFC 2428 §3: the port on the control connection's host), else PASV, whose address is used as is. */
    private InetSocketAddress sourceListens() throws IOException {
        ControlConnection control = source.control();
        Reply epsv = control.execute(Command.of("EPSV"));
        if (epsv.codeValue() == ReplyCodes.ENTERING_EXTENDED_PASSIVE) {
            return new InetSocketAddress(control.remoteAddress(), ExtendedPassive.parseReply(epsv.text()));
        }
        Reply pasv = control.execute(Command.of("PASV"));
        if (pasv.codeValue() != ReplyCodes.ENTERING_PASSIVE) {
            throw new FxpException("the source refused to listen", pasv, null);
        }
        // the 227 address is the source's own view of itself; the control connection's peer is what this client
        // reaches, and the best guess of what the target reaches too
        return new InetSocketAddress(control.remoteAddress(), HostPort.parsePassiveReply(pasv.text()).port());
    }

    private static Command portCommand(InetSocketAddress listening) {
        if (listening.getAddress() instanceof Inet4Address) {
            return Command.of("PORT", new HostPort(listening.getAddress(), listening.getPort()).toPortArgument());
        }
        return Command.of("EPRT", ExtendedAddress.of(listening.getAddress(), listening.getPort()).toEprtArgument());
    }

    /** The transfer's final reply, within what is left of the copy's time. */
    private Reply finalReply(ClientSession side) throws IOException {
        // Bounded: a few preliminary replies at most before the final one.
        for (int i = 0; i < 10; i++) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Reply reply = side.control().readReply((int) Math.min(Integer.MAX_VALUE, left));
            if (!reply.code().isPositivePreliminary()) {
                return reply;
            }
        }
        throw new dev.ftpkit.core.FtpProtocolException("too many preliminary replies during FXP");
    }

    /**
     * ABOR on the target (RFC 959 §4.1.3), whose STOR waits for data that will not come; then NOOP until its 200,
     * so the target's connection stays usable. Returns the STOR's final reply (426 or 226 when it had already
     * seen the source give up).
     */
    private Reply abortTarget() throws IOException {
        ControlConnection control = target.control();
        control.sendAbort();
        Reply first = control.readFinalReply();
        control.send(Command.of("NOOP"));
        // Bounded: ABOR's own reply after the STOR's, then NOOP's 200.
        for (int i = 0; i < 4; i++) {
            if (control.readReply().codeValue() == ReplyCodes.COMMAND_OK) {
                return first;
            }
        }
        control.close();
        return first;
    }
}
