package dev.ftpkit.client.internal;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Passive data connections: EPSV (RFC 2428 §3) first, PASV (RFC 959 §4.1.2) once EPSV is refused. The 227
 * address is ignored unless trusted: the client connects to the control connection's peer.
 */
final class PassiveConnector implements DataConnector {

    private static final System.Logger LOG = System.getLogger(PassiveConnector.class.getName());

    private final FtpClientConfig config;
    private final DataConnectionMode.Passive mode;
    private final ControlConnection control;
    private boolean epsvRefused;

    PassiveConnector(FtpClientConfig config, DataConnectionMode.Passive mode, ControlConnection control) {
        this.config = config;
        this.mode = mode;
        this.control = control;
    }

    @Override
    public PendingData prepare() throws IOException {
        InetSocketAddress target = mode.useEpsv() && !epsvRefused ? extendedPassive() : null;
        if (target == null) {
            target = passive();
        }
        Socket socket = DataSockets.connect(config, target);
        return new PendingData() {
            @Override
            public Socket socket() {
                return socket;
            }

            @Override
            public void close() {
                DataSockets.closeQuietly(socket);
            }
        };
    }

    /** EPSV; null when the server refuses it (remembered: PASV from then on). */
    private InetSocketAddress extendedPassive() throws IOException {
        Reply reply = control.execute(Command.of("EPSV"));
        if (reply.codeValue() == ReplyCodes.ENTERING_EXTENDED_PASSIVE) {
            // RFC 2428 §3: the data connection goes to the same host as the control connection.
            return new InetSocketAddress(control.remoteAddress(), ExtendedPassive.parseReply(reply.text()));
        }
        if (reply.code().isPermanentNegative()) {
            epsvRefused = true;
            return null;
        }
        throw new FtpReplyException("EPSV", reply);
    }

    private InetSocketAddress passive() throws IOException {
        Reply reply = control.execute(Command.of("PASV"));
        if (reply.codeValue() != ReplyCodes.ENTERING_PASSIVE) {
            throw new FtpReplyException("PASV", reply);
        }
        HostPort hostPort = HostPort.parsePassiveReply(reply.text());
        InetAddress peer = control.remoteAddress();
        if (mode.trustPassiveAddress()) {
            return new InetSocketAddress(hostPort.address(), hostPort.port());
        }
        if (!hostPort.address().equals(peer)) {
            LOG.log(Level.DEBUG, "ignoring the address {0} in the 227 reply; connecting to {1}",
                    hostPort.address().getHostAddress(), peer.getHostAddress());
        }
        return new InetSocketAddress(peer, hostPort.port());
    }
}
