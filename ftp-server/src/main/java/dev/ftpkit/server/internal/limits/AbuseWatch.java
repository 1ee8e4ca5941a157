package dev.ftpkit.server.internal.limits;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.FtpSession;

import java.util.Set;

/**
 * One session's eye for abuse that is not a failed login, reporting to the server's {@link Defender}: PORT or EPRT
 * refused as bounce attempts (the handlers answer 500 "Illegal PORT command" for a foreign address or a low port),
 * passive listeners asked for again and again without a transfer, command lines too long. Runs on the session
 * thread only.
 */
public final class AbuseWatch {

    /** Passive listeners a session may open in a row without a transfer before each further one counts. */
    static final int PASSIVE_WITHOUT_TRANSFER = 20;
    private static final Set<String> ACTIVE_VERBS = Set.of("PORT", "EPRT");
    private static final Set<String> PASSIVE_VERBS = Set.of("PASV", "EPSV", "LPSV");

    private final Defender defender;
    private final FtpSession session;
    private int passivesInARow;

    /**
     * @param defender the server's defender
     * @param session  the session; its {@link FtpSession#clientAddress()} is asked at each offence (behind a
     *                 proxy it is the client's, known only once the proxy header was read)
     */
    public AbuseWatch(Defender defender, FtpSession session) {
        this.defender = defender;
        this.session = session;
    }

    /** A command line past the limit arrived. */
    public void lineTooLong() {
        defender.offence(session.clientAddress().getAddress(), Defender.Offence.LINE_TOO_LONG);
    }

    /** A transfer command starts: the passive listeners before it were used. */
    public void transferStarted() {
        passivesInARow = 0;
    }

    /**
     * A command was answered.
     *
     * @param command the command
     * @param reply   its reply
     */
    public void replied(Command command, Reply reply) {
        String verb = command.verb();
        if (ACTIVE_VERBS.contains(verb) && reply.code().value() == ReplyCodes.SYNTAX_ERROR) {
            defender.offence(session.clientAddress().getAddress(), Defender.Offence.BOUNCE);
        } else if (PASSIVE_VERBS.contains(verb) && reply.code().isPositiveCompletion()
                && ++passivesInARow > PASSIVE_WITHOUT_TRANSFER) {
            defender.offence(session.clientAddress().getAddress(), Defender.Offence.PASSIVE_FLOOD);
        }
    }
}
