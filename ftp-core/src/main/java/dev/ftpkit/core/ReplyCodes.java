package dev.ftpkit.core;

/**
 * Reply code constants. RFC 959 §4.2.1 groups the codes by function, §4.2.2 lists them in
 * numeric order; extensions: RFC 2228 (security), RFC 2389 (FEAT), RFC 2428 (EPRT/EPSV),
 * RFC 3659 (SIZE/MDTM/REST/MLSx), RFC 4217 (FTP over TLS).
 *
 * @see ReplyCode
 */
public final class ReplyCodes {
    /** 110 Restart marker reply (RFC 959 §4.2.1, §4.2.2). */
    public static final int RESTART_MARKER = 110;

    /** 120 Service ready in nnn minutes (RFC 959 §4.2.2). */
    public static final int SERVICE_READY_IN = 120;

    /** 125 Data connection already open; transfer starting (RFC 959 §4.2.2). */
    public static final int DATA_CONNECTION_ALREADY_OPEN = 125;

    /** 150 File status okay; about to open data connection (RFC 959 §4.2.2). */
    public static final int FILE_STATUS_OK = 150;

    /** 200 Command okay (RFC 959 §4.2.2); also the reply to PBSZ/PROT (RFC 2228 §3, RFC 4217). */
    public static final int COMMAND_OK = 200;

    /** 202 Command not implemented, superfluous at this site (RFC 959 §4.2.2). */
    public static final int COMMAND_SUPERFLUOUS = 202;

    /** 211 System status, or system help reply (RFC 959 §4.2.2); the FEAT reply (RFC 2389 §3). */
    public static final int SYSTEM_STATUS = 211;

    /** 212 Directory status (RFC 959 §4.2.2). */
    public static final int DIRECTORY_STATUS = 212;

    /** 213 File status (RFC 959 §4.2.2); the SIZE and MDTM reply (RFC 3659 §3, §4). */
    public static final int FILE_STATUS = 213;

    /** 214 Help message (RFC 959 §4.2.2). */
    public static final int HELP = 214;

    /** 215 NAME system type (RFC 959 §4.2.2). */
    public static final int SYSTEM_TYPE = 215;

    /** 220 Service ready for new user (RFC 959 §4.2.2). */
    public static final int SERVICE_READY = 220;

    /** 221 Service closing control connection (RFC 959 §4.2.2). */
    public static final int CLOSING_CONTROL = 221;

    /** 225 Data connection open; no transfer in progress (RFC 959 §4.2.2). */
    public static final int DATA_CONNECTION_OPEN = 225;

    /** 226 Closing data connection; requested file action successful (RFC 959 §4.2.2). */
    public static final int CLOSING_DATA = 226;

    /** 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2) (RFC 959 §4.2.2, §4.1.2 PASV). */
    public static final int ENTERING_PASSIVE = 227;

    /** 229 Entering Extended Passive Mode (|||port|) (RFC 2428 §3). */
    public static final int ENTERING_EXTENDED_PASSIVE = 229;

    /** 230 User logged in, proceed (RFC 959 §4.2.2). */
    public static final int LOGGED_IN = 230;

    /** 232 User logged in, authorized by security data exchange (RFC 2228). */
    public static final int LOGGED_IN_SECURITY = 232;

    /** 234 Security data exchange complete; the reply to AUTH TLS (RFC 2228, RFC 4217). */
    public static final int SECURITY_DATA_EXCHANGE_COMPLETE = 234;

    /** 235 [ADAT=base64data] Security data exchange completed successfully (RFC 2228). */
    public static final int SECURITY_DATA_EXCHANGE_SUCCESSFUL = 235;

    /** 250 Requested file action okay, completed (RFC 959 §4.2.2). */
    public static final int FILE_ACTION_OK = 250;

    /** 257 &quot;PATHNAME&quot; created; also the PWD reply (RFC 959 §4.2.2, Appendix II). */
    public static final int PATHNAME_CREATED = 257;

    /** 331 User name okay, need password (RFC 959 §4.2.2). */
    public static final int NEED_PASSWORD = 331;

    /** 332 Need account for login (RFC 959 §4.2.2). */
    public static final int NEED_ACCOUNT = 332;

    /** 334 [ADAT=base64data] Requested security mechanism is ok (RFC 2228). */
    public static final int SECURITY_MECHANISM_OK = 334;

    /** 335 [ADAT=base64data] Security data is acceptable, more is required to complete the security data exchange (RFC 2228). */
    public static final int SECURITY_DATA_NEEDED = 335;

    /** 336 Username okay, need password; challenge is &quot;...&quot; (RFC 2228). */
    public static final int NEED_PASSWORD_CHALLENGE = 336;

    /** 350 Requested file action pending further information, e.g. after RNFR (RFC 959 §4.2.2). */
    public static final int FILE_ACTION_PENDING = 350;

    /**
     * 350 Restart position accepted: the answer to REST (RFC 3659 §5.3); the same code as
     * {@link #FILE_ACTION_PENDING}.
     */
    public static final int RESTART_POSITION_ACCEPTED = 350;

    /** 421 Service not available, closing control connection (RFC 959 §4.2.2). */
    public static final int SERVICE_NOT_AVAILABLE = 421;

    /** 425 Can't open data connection (RFC 959 §4.2.2). */
    public static final int CANT_OPEN_DATA_CONNECTION = 425;

    /** 426 Connection closed; transfer aborted (RFC 959 §4.2.2). */
    public static final int TRANSFER_ABORTED = 426;

    /** 431 Need some unavailable resource to process security (RFC 2228). */
    public static final int SECURITY_RESOURCE_UNAVAILABLE = 431;

    /** 450 Requested file action not taken; file unavailable, e.g. busy (RFC 959 §4.2.2). */
    public static final int FILE_ACTION_NOT_TAKEN = 450;

    /** 451 Requested action aborted: local error in processing (RFC 959 §4.2.2). */
    public static final int ACTION_ABORTED_LOCAL_ERROR = 451;

    /** 452 Requested action not taken: insufficient storage space in system (RFC 959 §4.2.2). */
    public static final int INSUFFICIENT_STORAGE = 452;

    /** 500 Syntax error, command unrecognized, or command line too long (RFC 959 §4.2.2). */
    public static final int SYNTAX_ERROR = 500;

    /** 501 Syntax error in parameters or arguments (RFC 959 §4.2.2). */
    public static final int SYNTAX_ERROR_IN_ARGUMENTS = 501;

    /** 502 Command not implemented (RFC 959 §4.2.2). */
    public static final int COMMAND_NOT_IMPLEMENTED = 502;

    /** 503 Bad sequence of commands (RFC 959 §4.2.2). */
    public static final int BAD_SEQUENCE = 503;

    /** 504 Command not implemented for that parameter (RFC 959 §4.2.2). */
    public static final int PARAMETER_NOT_IMPLEMENTED = 504;

    /** 522 Network protocol not supported, use (1,2): the answer to EPRT or EPSV (RFC 2428 §2, §3). */
    public static final int NETWORK_PROTOCOL_NOT_SUPPORTED = 522;

    /**
     * 522 as FTPS servers use it (vsftpd, ProFTPD): the data connection's TLS was refused or failed, or PROT P is
     * required. The same code as {@link #NETWORK_PROTOCOL_NOT_SUPPORTED}, with another meaning.
     */
    public static final int DATA_CONNECTION_TLS_FAILED = 522;

    /** 530 Not logged in (RFC 959 §4.2.2). */
    public static final int NOT_LOGGED_IN = 530;

    /** 532 Need account for storing files (RFC 959 §4.2.2). */
    public static final int NEED_ACCOUNT_FOR_STORING = 532;

    /** 533 Command protection level denied for policy reasons (RFC 2228). */
    public static final int COMMAND_PROTECTION_DENIED = 533;

    /** 534 Request denied for policy reasons, e.g. AUTH or PROT refused (RFC 2228, RFC 4217). */
    public static final int REQUEST_DENIED_FOR_POLICY = 534;

    /** 535 Failed security check (RFC 2228). */
    public static final int FAILED_SECURITY_CHECK = 535;

    /** 536 Requested PROT level not supported by mechanism (RFC 2228 PROT, RFC 4217). */
    public static final int PROTECTION_LEVEL_NOT_SUPPORTED = 536;

    /** 537 Command protection level not supported by security mechanism (RFC 2228). */
    public static final int COMMAND_PROTECTION_NOT_SUPPORTED = 537;

    /** 550 Requested action not taken; file unavailable, e.g. not found or no access (RFC 959 §4.2.2). */
    public static final int FILE_UNAVAILABLE = 550;

    /** 551 Requested action aborted: page type unknown (RFC 959 §4.2.2). */
    public static final int PAGE_TYPE_UNKNOWN = 551;

    /** 552 Requested file action aborted: exceeded storage allocation (RFC 959 §4.2.2). */
    public static final int EXCEEDED_STORAGE = 552;

    /** 553 Requested action not taken: file name not allowed (RFC 959 §4.2.2). */
    public static final int FILE_NAME_NOT_ALLOWED = 553;

    /** 554 Requested action not taken: invalid REST parameter (RFC 3659 §5). */
    public static final int INVALID_REST = 554;

    /** 555 Requested action not taken: type or stru mismatch (RFC 3659 §5). */
    public static final int TYPE_OR_STRU_MISMATCH = 555;

    private ReplyCodes() {
    }
}
