package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.EpsvArgument;
import dev.ftpkit.core.ExtendedAddress;
import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.NetworkProtocol;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.PassiveSettings;
import dev.ftpkit.server.Permission;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;

import static dev.ftpkit.server.command.Replies.fail;

/**
 * PASV, EPSV, PORT, EPRT: prepare the next data connection (RFC 959 §4.1.2, RFC 2428). Active targets must be the
 * client's own address and a port of 1024 or more (FTP bounce, CERT CA-1997-27, RFC 2577 §3), unless the account
 * may copy between servers ({@link Permission#FXP}).
 */
final class DataPortCommands {

    private static final int LOWEST_ACTIVE_PORT = 1024;

    private DataPortCommands() {
    }

    static Reply pasv(Command command, CommandContext session) throws Exception {
        PassiveSettings config = session.settings().passive();
        if (!config.enabled()) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Passive mode is disabled.");
        }
        if (session.dataConnections().epsvAll()) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "EPSV ALL in effect: use EPSV.");
        }
        InetAddress advertised = config.advertisedAddress().map(f -> f.apply(session))
                .orElse(session.serverAddress().getAddress());
        if (!(advertised instanceof Inet4Address)) {
            throw fail(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "PASV needs IPv4: use EPSV.");
        }
        int port = advertisedPort(config, session.dataConnections().preparePassive());
        return new HostPort(advertised, port).toPassiveReply();
    }

    static Reply epsv(Command command, CommandContext session) throws Exception {
        PassiveSettings config = session.settings().passive();
        if (!config.enabled()) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Passive mode is disabled.");
        }
        EpsvArgument argument = ExtendedPassive.parseArgument(command.argument());
        NetworkProtocol own = NetworkProtocol.of(session.serverAddress().getAddress());
        switch (argument.kind()) {
            case ALL:
                // RFC 2428 §4: from now on refuse PORT, EPRT and PASV
                session.dataConnections().enterEpsvAll();
                return Reply.of(ReplyCodes.COMMAND_OK, "EPSV ALL ok.");
            case PROTOCOL:
                if (argument.protocolNumber() != own.number()) {
                    return ExtendedPassive.unsupportedProtocolReply(Set.of(own));
                }
                break;
            default:
                break;
        }
        return ExtendedPassive.reply(advertisedPort(config, session.dataConnections().preparePassive()));
    }

    static Reply port(Command command, CommandContext session) throws Exception {
        checkActive(session);
        HostPort target = HostPort.parsePortArgument(command.argument());
        if (!allowed(session, target.address(), target.port())) {
            throw fail(ReplyCodes.SYNTAX_ERROR, "Illegal PORT command.");
        }
        InetSocketAddress to = target.toSocketAddress();
        session.dataConnections().prepareActive(to);
        return Reply.of(ReplyCodes.COMMAND_OK, "PORT command successful. Consider using PASV.");
    }

    static Reply eprt(Command command, CommandContext session) throws Exception {
        checkActive(session);
        ExtendedAddress target = ExtendedAddress.parseEprtArgument(command.argument());
        if (!allowed(session, target.address(), target.port())) {
            throw fail(ReplyCodes.SYNTAX_ERROR, "Illegal EPRT command.");
        }
        InetSocketAddress to = new InetSocketAddress(target.address(), target.port());
        session.dataConnections().prepareActive(to);
        return Reply.of(ReplyCodes.COMMAND_OK, "EPRT command successful. Consider using EPSV.");
    }

    private static void checkActive(CommandContext session) throws Exception {
        if (!session.settings().active().enabled()) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Active mode is disabled.");
        }
        if (session.dataConnections().epsvAll()) {
            throw fail(ReplyCodes.BAD_SEQUENCE, "EPSV ALL in effect: use EPSV.");
        }
    }

    /** The client's own address, or for an account with {@link Permission#FXP} any address (another server's). */
    private static boolean allowed(CommandContext session, InetAddress address, int port) {
        return port >= LOWEST_ACTIVE_PORT && (address.equals(session.clientAddress().getAddress())
                || session.account().map(account -> account.may(Permission.FXP)).orElse(false));
    }

    private static int advertisedPort(PassiveSettings config, int listeningPort) throws Exception {
        int port = config.portMapping().applyAsInt(listeningPort);
        if (port < 1 || port > 65535) {
            throw fail(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "Passive port mapping gave no valid port.");
        }
        return port;
    }
}
