package dev.ftpkit.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes ftpkit puts on its spans. Where OpenTelemetry's semantic conventions name one (network, server and
 * client addresses), that name is used; FTP's own are under {@code ftp.*}.
 */
public final class FtpAttributes {

    /** The peer's IP address (semantic conventions: {@code network.peer.address}). */
    public static final AttributeKey<String> NETWORK_PEER_ADDRESS = AttributeKey.stringKey("network.peer.address");
    /** The peer's port ({@code network.peer.port}). */
    public static final AttributeKey<Long> NETWORK_PEER_PORT = AttributeKey.longKey("network.peer.port");
    /** The local IP address of the control connection ({@code network.local.address}). */
    public static final AttributeKey<String> NETWORK_LOCAL_ADDRESS = AttributeKey.stringKey("network.local.address");
    /** The local port of the control connection ({@code network.local.port}). */
    public static final AttributeKey<Long> NETWORK_LOCAL_PORT = AttributeKey.longKey("network.local.port");
    /** Always {@code tcp} ({@code network.transport}). */
    public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    /** The server's host as the client named it ({@code server.address}, client spans). */
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    /** The server's control port as the client named it ({@code server.port}, client spans). */
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    /** The client's address as the server sees it ({@code client.address}, server spans). */
    public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    /** The client's port as the server sees it ({@code client.port}, server spans). */
    public static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");

    /** The server's identifier of the session ({@code ftp.session.id}, server spans). */
    public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("ftp.session.id");
    /** The user name of the last login attempt, on the session span and its login events ({@code ftp.user}). */
    public static final AttributeKey<String> USER = AttributeKey.stringKey("ftp.user");
    /** Whether a login succeeded, on a login event ({@code ftp.login.success}). */
    public static final AttributeKey<Boolean> LOGIN_SUCCESS = AttributeKey.booleanKey("ftp.login.success");
    /** The command's verb, upper case, e.g. {@code RETR} ({@code ftp.command}); arguments are never recorded. */
    public static final AttributeKey<String> COMMAND = AttributeKey.stringKey("ftp.command");
    /** The final reply's code, e.g. 226 ({@code ftp.reply.code}). */
    public static final AttributeKey<Long> REPLY_CODE = AttributeKey.longKey("ftp.reply.code");
    /** The path a transfer command named, as the client sent it ({@code ftp.path}). */
    public static final AttributeKey<String> PATH = AttributeKey.stringKey("ftp.path");
    /** {@code upload}, {@code download} or (server only) {@code listing} ({@code ftp.transfer.direction}). */
    public static final AttributeKey<String> TRANSFER_DIRECTION = AttributeKey.stringKey("ftp.transfer.direction");
    /** Payload bytes that crossed the data connection ({@code ftp.transfer.bytes}). */
    public static final AttributeKey<Long> TRANSFER_BYTES = AttributeKey.longKey("ftp.transfer.bytes");

    private FtpAttributes() {
    }
}
