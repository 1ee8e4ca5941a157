package dev.ftpkit.client;

import javax.net.SocketFactory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import dev.ftpkit.core.ModeZ;
import dev.ftpkit.core.list.FormatParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable settings of FTP connections, made by {@link #builder()} and reusable for any number of
 * connections (like {@code java.net.http.HttpClient}).
 *
 * <p>Defaults: passive mode (EPSV, then PASV; 227 addresses ignored), binary type, connect timeout 10 s,
 * reply timeout 60 s, data idle timeout 60 s, 64 KiB buffers, automatic control encoding
 * (UTF-8 with {@code OPTS UTF8 ON} when FEAT offers UTF8, otherwise the fallback, UTF-8 by default), no keep-alive, no
 * listeners. Every timeout is finite: nothing the client does can block forever.
 */
public final class FtpClientConfig {

    /** The default buffer size for data transfers: 64 KiB. */
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    /** The default bound on the lines of one reply. */
    public static final int DEFAULT_MAX_REPLY_LINES = 10_000;
    /** The default bound on the bytes of one control line. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;

    private static final FtpClientConfig DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration replyTimeout;
    private final Duration dataTimeout;
    private final Duration keepAliveInterval;
    private final DataConnectionMode dataConnectionMode;
    private final TransferType transferType;
    private final int bufferSize;
    private final int maxReplyLines;
    private final int maxLineLength;
    private final SocketFactory socketFactory;
    private final Charset charset;
    private final boolean charsetAutomatic;
    private final TransferListener transferListener;
    private final ProtocolListener protocolListener;
    private final ClientListener.Factory clientListener;
    private final String virtualHost;
    private final FtpsConfig tls;
    private final List<FormatParser> listParsers;
    private final boolean modeZ;
    private final int modeZLevel;

    private FtpClientConfig(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.replyTimeout = b.replyTimeout;
        this.dataTimeout = b.dataTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.dataConnectionMode = b.dataConnectionMode;
        this.transferType = b.transferType;
        this.bufferSize = b.bufferSize;
        this.maxReplyLines = b.maxReplyLines;
        this.maxLineLength = b.maxLineLength;
        this.socketFactory = b.socketFactory;
        this.charset = b.charset;
        this.charsetAutomatic = b.charsetAutomatic;
        this.transferListener = b.transferListener;
        this.protocolListener = b.protocolListener;
        this.clientListener = b.clientListener;
        this.virtualHost = b.virtualHost;
        this.tls = b.tls;
        this.listParsers = List.copyOf(b.listParsers);
        this.modeZ = b.modeZ;
        this.modeZLevel = b.modeZLevel;
    }

    /**
     * Returns the default configuration.
     *
     * @return the defaults
     */
    public static FtpClientConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Opens a control connection with this configuration and reads the server's greeting.
     *
     * @param host the server's host name or address
     * @param port the server's control port, usually 21
     * @return a connected, not yet logged-in client
     * @throws IOException if the connection fails, times out, or the greeting is negative
     */
    public FtpClient connect(String host, int port) throws IOException {
        return FtpClient.connect(this, host, port);
    }

    /**
     * Returns the timeout for opening a connection (control, passive data) and for accepting an active data
     * connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long the client waits for a reply on the control connection.
     *
     * @return the reply timeout
     */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /**
     * Returns how long a data connection may stay silent before the transfer fails.
     *
     * @return the data idle timeout
     */
    public Duration dataTimeout() {
        return dataTimeout;
    }

    /**
     * Returns how often a NOOP is sent on the control connection during a long transfer, or zero for never.
     *
     * @return the keep-alive interval
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * Returns how data connections are made.
     *
     * @return passive (default) or active
     */
    public DataConnectionMode dataConnectionMode() {
        return dataConnectionMode;
    }

    /**
     * Returns the transfer type set after login.
     *
     * @return binary (default) or ASCII
     */
    public TransferType transferType() {
        return transferType;
    }

    /**
     * Returns the size of transfer buffers.
     *
     * @return the buffer size in bytes
     */
    public int bufferSize() {
        return bufferSize;
    }

    /**
     * Returns the most lines one reply may have; a longer reply is a protocol error.
     *
     * @return the line bound
     */
    public int maxReplyLines() {
        return maxReplyLines;
    }

    /**
     * Returns the most bytes one control line may have; a longer line is a protocol error.
     *
     * @return the length bound
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * Returns the factory for control and passive data sockets.
     *
     * @return the socket factory
     */
    public SocketFactory socketFactory() {
        return socketFactory;
    }

    /**
     * Returns the encoding of commands, replies, path names and listings: the one set by
     * {@link Builder#charset(Charset)}, or the fallback used when the encoding is {@linkplain #charsetAutomatic()
     * automatic} and the server does not offer UTF8.
     *
     * @return the charset
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Returns whether the session chooses its encoding: UTF-8 (with {@code OPTS UTF8 ON}) when FEAT offers UTF8,
     * otherwise {@link #charset()}.
     *
     * @return whether the encoding is automatic
     */
    public boolean charsetAutomatic() {
        return charsetAutomatic;
    }

    /**
     * Returns the listener told about transfer progress.
     *
     * @return the transfer listener
     */
    public TransferListener transferListener() {
        return transferListener;
    }

    /**
     * Returns the listener that sees the control dialogue.
     *
     * @return the protocol listener
     */
    public ProtocolListener protocolListener() {
        return protocolListener;
    }

    /**
     * Returns the factory of each connection's {@link ClientListener}.
     *
     * @return the client listener factory
     */
    public ClientListener.Factory clientListener() {
        return clientListener;
    }

    /**
     * Returns the virtual host sent with HOST (RFC 7151) before USER, if any.
     *
     * @return the virtual host name
     */
    public Optional<String> virtualHost() {
        return Optional.ofNullable(virtualHost);
    }

    /**
     * Returns the FTPS settings, if the connections use TLS.
     *
     * @return the TLS settings, or empty for plain FTP (the default)
     */
    public Optional<FtpsConfig> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Tells whether transfers start in MODE Z (deflate, draft-preston-ftpext-deflate).
     *
     * @return true for MODE Z; false (default) for MODE S
     */
    public boolean modeZ() {
        return modeZ;
    }

    /**
     * Returns the compression level of uploads in MODE Z.
     *
     * @return 0 (store) to 9 (best); default {@link ModeZ#DEFAULT_LEVEL}
     */
    public int modeZLevel() {
        return modeZLevel;
    }

    /**
     * Returns the application's LIST format parsers, tried before the built-in ones.
     *
     * @return the parsers in the order they are tried; empty by default
     */
    public List<FormatParser> listParsers() {
        return listParsers;
    }

    @Override
    public String toString() {
        return "FtpClientConfig[mode=" + dataConnectionMode + ", tls=" + tls + ", type=" + transferType + ", connectTimeout="
                + connectTimeout + ", replyTimeout=" + replyTimeout + ", dataTimeout=" + dataTimeout
                + ", bufferSize=" + bufferSize + (modeZ ? ", modeZ=" + modeZLevel : "") + ", charset=" + charset
                + (charsetAutomatic ? " (fallback)" : "") + "]";
    }

    /** Builds an {@link FtpClientConfig}; every setter validates its argument and {@link #build()} the whole. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration replyTimeout = Duration.ofSeconds(60);
        private Duration dataTimeout = Duration.ofSeconds(60);
        private Duration keepAliveInterval = Duration.ZERO;
        private DataConnectionMode dataConnectionMode = DataConnectionMode.passive();
        private TransferType transferType = TransferType.BINARY;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private int maxReplyLines = DEFAULT_MAX_REPLY_LINES;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private Charset charset = StandardCharsets.UTF_8;
        private boolean charsetAutomatic = true;
        private TransferListener transferListener = TransferListener.NONE;
        private ProtocolListener protocolListener = ProtocolListener.NONE;
        private ClientListener.Factory clientListener = ClientListener.Factory.NONE;
        private String virtualHost;
        private FtpsConfig tls;
        private final List<FormatParser> listParsers = new ArrayList<>();
        private boolean modeZ;
        private int modeZLevel = ModeZ.DEFAULT_LEVEL;

        private Builder() {
        }

        private Builder(FtpClientConfig c) {
            connectTimeout = c.connectTimeout;
            replyTimeout = c.replyTimeout;
            dataTimeout = c.dataTimeout;
            keepAliveInterval = c.keepAliveInterval;
            dataConnectionMode = c.dataConnectionMode;
            transferType = c.transferType;
            bufferSize = c.bufferSize;
            maxReplyLines = c.maxReplyLines;
            maxLineLength = c.maxLineLength;
            socketFactory = c.socketFactory;
            charset = c.charset;
            charsetAutomatic = c.charsetAutomatic;
            transferListener = c.transferListener;
            protocolListener = c.protocolListener;
            clientListener = c.clientListener;
            virtualHost = c.virtualHost;
            tls = c.tls;
            listParsers.addAll(c.listParsers);
            modeZ = c.modeZ;
            modeZLevel = c.modeZLevel;
        }

        /**
         * Starts transfers in MODE Z, the deflate transmission mode (default off): downloads, uploads and listings
         * travel as one zlib stream each, which saves time on slow links for compressible data. The server must
         * offer it (FEAT {@code MODE Z}; vsftpd does not): otherwise the first transfer fails with the server's
         * reply to {@code MODE Z}. {@link FtpClient#setModeZ(boolean)} switches later.
         *
         * @param deflate true for MODE Z
         * @return this builder
         */
        public Builder modeZ(boolean deflate) {
            modeZ = deflate;
            return this;
        }

        /**
         * Sets the compression level of uploads in MODE Z (default {@link ModeZ#DEFAULT_LEVEL}); what the server
         * sends is compressed at the server's level.
         *
         * @param level 0 (store) to 9 (best)
         * @return this builder
         * @throws IllegalArgumentException if not 0..9
         */
        public Builder modeZLevel(int level) {
            if (level < ModeZ.MIN_LEVEL || level > ModeZ.MAX_LEVEL) {
                throw new IllegalArgumentException("modeZLevel must be 0..9: " + level);
            }
            modeZLevel = level;
            return this;
        }

        /**
         * Sets the connect timeout (default 10 s).
         *
         * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive or too long
         */
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the reply timeout (default 60 s).
         *
         * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive or too long
         */
        public Builder replyTimeout(Duration timeout) {
            replyTimeout = positive(timeout, "replyTimeout");
            return this;
        }

        /**
         * Sets the data idle timeout (default 60 s).
         *
         * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive or too long
         */
        public Builder dataTimeout(Duration timeout) {
            dataTimeout = positive(timeout, "dataTimeout");
            return this;
        }

        /**
         * Sets all three timeouts (connect, reply, data idle) at once.
         *
         * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} ms
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive or too long
         */
        public Builder timeouts(Duration timeout) {
            return connectTimeout(timeout).replyTimeout(timeout).dataTimeout(timeout);
        }

        /**
         * Sends NOOP on the control connection every {@code interval} during transfers, so that firewalls do not
         * drop an idle control connection (default: zero, never).
         *
         * @param interval zero for never, or a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the interval is negative
         */
        public Builder keepAliveInterval(Duration interval) {
            Objects.requireNonNull(interval, "keepAliveInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("keepAliveInterval must not be negative: " + interval);
            }
            keepAliveInterval = interval;
            return this;
        }

        /**
         * Sets how data connections are made (default {@link DataConnectionMode#passive()}).
         *
         * @param mode passive or active
         * @return this builder
         */
        public Builder dataConnectionMode(DataConnectionMode mode) {
            dataConnectionMode = Objects.requireNonNull(mode, "dataConnectionMode");
            return this;
        }

        /**
         * Sets the transfer type used after login (default binary).
         *
         * @param type binary or ASCII
         * @return this builder
         */
        public Builder transferType(TransferType type) {
            transferType = Objects.requireNonNull(type, "transferType");
            return this;
        }

        /**
         * Sets the transfer buffer size (default 64 KiB).
         *
         * @param bytes 512 to 16 MiB
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder bufferSize(int bytes) {
            if (bytes < 512 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("bufferSize must be within 512..16777216: " + bytes);
            }
            bufferSize = bytes;
            return this;
        }

        /**
         * Bounds the lines of one reply (default 10,000), so an endless multi-line reply fails instead of
         * exhausting memory.
         *
         * @param lines at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxReplyLines(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("maxReplyLines must be at least 1: " + lines);
            }
            maxReplyLines = lines;
            return this;
        }

        /**
         * Bounds the bytes of one control line (default 8192).
         *
         * @param bytes at least 16
         * @return this builder
         * @throws IllegalArgumentException if less than 16
         */
        public Builder maxLineLength(int bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("maxLineLength must be at least 16: " + bytes);
            }
            maxLineLength = bytes;
            return this;
        }

        /**
         * Sets the factory for control and passive data sockets (default {@link SocketFactory#getDefault()}).
         *
         * @param factory the factory; it must support unconnected sockets ({@code createSocket()})
         * @return this builder
         */
        public Builder socketFactory(SocketFactory factory) {
            socketFactory = Objects.requireNonNull(factory, "socketFactory");
            return this;
        }

        /**
         * Fixes the encoding of the control connection and of listings, whatever the server offers ({@code OPTS UTF8
         * ON} is still sent when the server offers UTF8 and this is UTF-8). For servers whose names are, say, GBK or
         * Shift_JIS even though they announce UTF8. Bytes that do not decode survive as {@link RemoteNames} escapes.
         *
         * @param cs the charset
         * @return this builder
         */
        public Builder charset(Charset cs) {
            charset = Objects.requireNonNull(cs, "charset");
            charsetAutomatic = false;
            return this;
        }

        /**
         * Makes the encoding automatic (the default): UTF-8 with {@code OPTS UTF8 ON} when FEAT offers UTF8 (RFC 2640
         * §3.2), otherwise this fallback. The default fallback is UTF-8, not ISO-8859-1: servers that do not announce
         * UTF8 mostly store UTF-8 names anyway, and names in any other encoding still survive byte for byte as
         * {@link RemoteNames} escapes; a server known to use GBK, Shift_JIS or windows-1251 names gets that here.
         *
         * @param cs the charset used when the server does not offer UTF8
         * @return this builder
         */
        public Builder fallbackCharset(Charset cs) {
            charset = Objects.requireNonNull(cs, "fallbackCharset");
            charsetAutomatic = true;
            return this;
        }

        /**
         * Sets the transfer listener (default {@link TransferListener#NONE}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder transferListener(TransferListener listener) {
            transferListener = Objects.requireNonNull(listener, "transferListener");
            return this;
        }

        /**
         * Sets the protocol listener (default {@link ProtocolListener#NONE}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder protocolListener(ProtocolListener listener) {
            protocolListener = Objects.requireNonNull(listener, "protocolListener");
            return this;
        }

        /**
         * Sets what makes each connection's listener of sessions, commands, logins and transfers (default
         * {@link ClientListener.Factory#NONE}), e.g. the OpenTelemetry tracing of the {@code ftp-opentelemetry}
         * module.
         *
         * @param factory called once per control connection
         * @return this builder
         */
        public Builder clientListener(ClientListener.Factory factory) {
            clientListener = Objects.requireNonNull(factory, "clientListener");
            return this;
        }

        /**
         * Sets the virtual host sent with HOST (RFC 7151) before USER; null for none (the default).
         *
         * @param host the host name, without CR, LF, NUL or spaces
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or holds forbidden characters
         */
        public Builder virtualHost(String host) {
            if (host != null && (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
                throw new IllegalArgumentException("virtualHost must be a non-empty name without spaces or controls");
            }
            virtualHost = host;
            return this;
        }

        /**
         * Makes connections use FTPS (RFC 4217) with these settings; null for plain FTP (the default).
         *
         * @param settings explicit or implicit TLS settings, or null
         * @return this builder
         */
        public Builder tls(FtpsConfig settings) {
            tls = settings;
            return this;
        }

        /**
         * Adds a LIST format parser, tried before the built-in ones (and before parsers added later) when a server
         * without MLSD sends a listing: for a format ftpkit does not know, or reads differently. See
         * {@link dev.ftpkit.core.list.ListParser} for how a listing's format is chosen.
         *
         * @param parser the parser; it must be thread-safe and never throw
         * @return this builder
         */
        public Builder listParser(FormatParser parser) {
            listParsers.add(Objects.requireNonNull(parser, "listParser"));
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the immutable configuration
         */
        public FtpClientConfig build() {
            return new FtpClientConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            if (d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " is too long: " + d);
            }
            return d;
        }
    }
}
