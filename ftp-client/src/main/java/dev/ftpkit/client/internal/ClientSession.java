package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.FtpTime;
import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.core.PathQuoting;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.core.list.ListParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FtpClient} implementation: one control connection, used by one thread at a time. It decides which
 * commands to send; {@code LoginSequence} (login and FTPS set-up), {@code Transfers} (the one open transfer,
 * TYPE, copying) and {@code Listings} carry out the longer exchanges.
 */
public final class ClientSession implements FtpClient {

    /** How long {@link #close()} waits for the reply to QUIT: short, so a dead server never holds a close up. */
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(2);

    private final FtpClientConfig config;
    private final ControlConnection control;
    private final Transfers transfers;
    private final Listings listings;
    private final Reply greeting;
    private FeatureSet features;
    private String systemType;

    private final TlsLayer tls;

    /** Whether the listeners were told of the close already. */
    private boolean closeTold;

    private ClientSession(FtpClientConfig config, ControlConnection control, Reply greeting, TlsLayer tls) {
        this.config = config;
        this.control = control;
        this.tls = tls;
        this.transfers = new Transfers(config, control);
        this.listings = new Listings(transfers, control::charset);
        this.greeting = greeting;
    }

    /**
     * Connects and reads the greeting (RFC 959 §5.4: 120 then 220, or 220, or 421).
     *
     * @param config the configuration
     * @param host   the host
     * @param port   the port
     * @return the connected session
     * @throws IOException if connecting fails or the greeting is negative
     */
    public static ClientSession open(FtpClientConfig config, String host, int port) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        ClientEvents events = ClientEvents.of(config, host, port);
        ControlConnection control;
        try {
            control = ControlConnection.open(config, host, port, events);
        } catch (IOException e) {
            events.connectFailed(e);
            throw e;
        }
        try {
            TlsLayer tls = config.tls().map(settings -> new TlsLayer(settings, host, port)).orElse(null);
            if (tls != null && tls.settings().mode() == FtpsConfig.Mode.IMPLICIT) {
                control.startTls(tls);
            }
            Reply greeting = control.readFinalReply();
            if (greeting.codeValue() != ReplyCodes.SERVICE_READY) {
                throw new FtpReplyException("greeting", greeting);
            }
            if (tls != null && tls.settings().mode() == FtpsConfig.Mode.EXPLICIT) {
                LoginSequence.authTls(control, tls);
            }
            return new ClientSession(config, control, greeting, tls);
        } catch (IOException e) {
            control.close();
            events.connectFailed(e);
            throw e;
        } catch (RuntimeException e) {
            control.close();
            events.connectFailed(new IOException("opening the connection failed", e));
            throw e;
        }
    }

    @Override
    public FtpClientConfig config() {
        return config;
    }

    @Override
    public Reply greeting() {
        return greeting;
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> tlsSession() {
        return control.tlsSession();
    }

    @Override
    public boolean isConnected() {
        return control.isOpen();
    }

    @Override
    public boolean isTransferInProgress() {
        return !transfers.isIdle();
    }

    // ---------------------------------------------------------------- login

    @Override
    public void login(String user, String password) throws IOException {
        login(user, password, null);
    }

    @Override
    public void login(String user, String password, String account) throws IOException {
        transfers.requireIdle();
        try {
            LoginSequence.login(control, config, user, password, account);
        } catch (IOException e) {
            control.events().loginFailed(user, e);
            throw e;
        }
        control.events().loggedIn(user);
        afterLogin();
    }

    @Override
    public void loginAnonymous() throws IOException {
        login("anonymous", "anonymous@");
    }

    private void afterLogin() throws IOException {
        if (tls != null) {
            LoginSequence.protectData(control, tls, transfers);
        }
        features = null;
        chooseCharset();
        transfers.forgetServerType();
        transfers.ensureType();
    }

    /**
     * RFC 2640 §3.2 / draft-ietf-ftpext-utf-8-option: UTF-8 path names, asked for with {@code OPTS UTF8 ON}, when FEAT
     * offers UTF8 and the encoding is automatic or fixed to UTF-8; otherwise the configured charset.
     */
    private void chooseCharset() throws IOException {
        boolean offered = features().has("UTF8");
        boolean utf8 = offered && (config.charsetAutomatic() || config.charset().equals(StandardCharsets.UTF_8));
        if (utf8) {
            control.execute(Command.of("OPTS", "UTF8 ON"));
        }
        control.useCharset(utf8 ? StandardCharsets.UTF_8 : config.charset());
    }

    @Override
    public Charset charset() {
        return control.charset();
    }

    @Override
    public FeatureSet features() throws IOException {
        transfers.requireIdle();
        if (features == null) {
            Reply reply = control.execute(Command.of("FEAT"));
            features = reply.codeValue() == ReplyCodes.SYSTEM_STATUS ? FeatureSet.parse(reply) : FeatureSet.EMPTY;
        }
        return features;
    }

    // ---------------------------------------------------------------- simple commands

    private Reply expectCompletion(Command command) throws IOException {
        return transfers.expectCompletion(command);
    }

    @Override
    public String system() throws IOException {
        return expectCompletion(Command.of("SYST")).text();
    }

    @Override
    public String workingDirectory() throws IOException {
        return PathQuoting.unquote(expectCompletion(Command.of("PWD")).text());
    }

    @Override
    public void changeDirectory(String path) throws IOException {
        expectCompletion(Command.of("CWD", path));
    }

    @Override
    public void changeToParentDirectory() throws IOException {
        expectCompletion(Command.of("CDUP"));
    }

    @Override
    public String makeDirectory(String path) throws IOException {
        Reply reply = expectCompletion(Command.of("MKD", path));
        try {
            return PathQuoting.unquote(reply.text());
        } catch (FtpProtocolException noQuotedPath) {
            return path;
        }
    }

    @Override
    public void removeDirectory(String path) throws IOException {
        expectCompletion(Command.of("RMD", path));
    }

    @Override
    public void delete(String path) throws IOException {
        expectCompletion(Command.of("DELE", path));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        transfers.requireIdle();
        Command rnfr = Command.of("RNFR", from);
        Command rnto = Command.of("RNTO", to);
        Reply reply = control.execute(rnfr);
        if (reply.codeValue() != ReplyCodes.FILE_ACTION_PENDING) {
            throw new FtpReplyException(rnfr.toString(), reply);
        }
        expectCompletion(rnto);
    }

    @Override
    public long size(String path) throws IOException {
        transfers.requireIdle();
        Command command = Command.of("SIZE", path);
        transfers.ensureType();
        String text = expectCompletion(command).text().trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("SIZE reply is not a number: " + text, e);
        }
    }

    @Override
    public Instant modificationTime(String path) throws IOException {
        return FtpTime.parse(expectCompletion(Command.of("MDTM", path)).text().trim());
    }

    @Override
    public void setModificationTime(String path, Instant time) throws IOException {
        expectCompletion(Command.of("MFMT", FtpTime.format(time) + " " + path));
    }

    @Override
    public MlsxEntry mlst(String path) throws IOException {
        Reply reply = expectCompletion(path.isEmpty() ? Command.of("MLST") : Command.of("MLST", path));
        // RFC 3659 §7.2: the facts line is the one that starts with a space (between the first and last line).
        for (String line : reply.lines()) {
            if (line.startsWith(" ")) {
                return MlsxEntry.parse(line.substring(1));
            }
        }
        if (reply.lines().size() >= 3) {
            return MlsxEntry.parse(reply.lines().get(1));
        }
        throw new FtpProtocolException("MLST reply has no facts line: " + reply.firstLine());
    }

    @Override
    public Reply status() throws IOException {
        return expectCompletion(Command.of("STAT"));
    }

    @Override
    public void noop() throws IOException {
        expectCompletion(Command.of("NOOP"));
    }

    @Override
    public Reply site(String arguments) throws IOException {
        return expectCompletion(Command.of("SITE", arguments));
    }

    @Override
    public Reply sendCommand(String verb, String argument) throws IOException {
        Objects.requireNonNull(verb, "verb");
        transfers.requireIdle();
        // null means "no argument", like "": HELP, NOOP, FEAT are sent bare
        return control.execute(Command.of(verb, argument == null ? "" : argument));
    }

    @Override
    public TransferType transferType() {
        return transfers.transferType();
    }

    @Override
    public void setTransferType(TransferType type) {
        transfers.transferType(java.util.Objects.requireNonNull(type, "type"));
    }

    /** The control connection, for {@link ServerCopy}. */
    ControlConnection control() {
        return control;
    }

    /** The transfers, for {@link ServerCopy}. */
    Transfers transfers() {
        return transfers;
    }

    @Override
    public boolean modeZ() {
        return transfers.modeZ();
    }

    @Override
    public void setModeZ(boolean deflate) {
        transfers.modeZ(deflate);
    }

    // ---------------------------------------------------------------- listings

    @Override
    public List<ListEntry> list(String path) throws IOException {
        if (features().has("MLST")) {
            return listings.machineListing(path);
        }
        List<String> lines = listLines(path);
        ListParser parser = ListParser.defaults().withFirst(config.listParsers());
        // SYST only when the listing alone does not tell its format: one round trip less for most servers
        Optional<List<ListEntry>> oneFormat = parser.parseWithOneFormat(lines);
        return Listings.withoutSelfAndParent(
                oneFormat.isPresent() ? oneFormat.get() : parser.forSystem(systemType()).parse(lines));
    }

    /** The SYST reply's text, asked once per connection; empty if SYST is refused. */
    private String systemType() throws IOException {
        if (systemType == null) {
            Reply reply = control.execute(Command.of("SYST"));
            systemType = reply.codeValue() == ReplyCodes.SYSTEM_TYPE ? reply.text() : "";
        }
        return systemType;
    }

    @Override
    public List<String> listLines(String path) throws IOException {
        return listings.listLines(path);
    }

    @Override
    public List<String> listNames(String path) throws IOException {
        return listings.names(path);
    }

    // ---------------------------------------------------------------- downloads

    @Override
    public long retrieve(String remote, Path local) throws IOException {
        return transfers.retrieve(remote, local, 0);
    }

    @Override
    public long retrieve(String remote, OutputStream out) throws IOException {
        return transfers.download(transfers.openDownload(Command.of("RETR", remote), 0), out);
    }

    @Override
    public InputStream retrieve(String remote) throws IOException {
        return transfers.downloadStream(transfers.openDownload(Command.of("RETR", remote), 0));
    }

    @Override
    public InputStream retrieve(String remote, long offset) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        return transfers.downloadStream(transfers.openDownload(Command.of("RETR", remote), offset));
    }

    @Override
    public long resumeRetrieve(String remote, Path local) throws IOException {
        long offset = Files.exists(local) ? Files.size(local) : 0;
        return transfers.retrieve(remote, local, offset, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // ---------------------------------------------------------------- uploads

    @Override
    public long store(Path local, String remote) throws IOException {
        return transfers.upload(local, 0, Command.of("STOR", remote), 0);
    }

    @Override
    public long store(InputStream in, String remote) throws IOException {
        return transfers.upload(transfers.openUpload(Command.of("STOR", remote)), in);
    }

    @Override
    public OutputStream store(String remote) throws IOException {
        return transfers.uploadStream(transfers.openUpload(Command.of("STOR", remote)));
    }

    @Override
    public long append(Path local, String remote) throws IOException {
        return transfers.upload(local, 0, Command.of("APPE", remote), 0);
    }

    @Override
    public long append(InputStream in, String remote) throws IOException {
        return transfers.upload(transfers.openUpload(Command.of("APPE", remote)), in);
    }

    @Override
    public OutputStream append(String remote) throws IOException {
        return transfers.uploadStream(transfers.openUpload(Command.of("APPE", remote)));
    }

    @Override
    public String storeUnique(InputStream in) throws IOException {
        return transfers.storeUnique(in);
    }

    @Override
    public long resumeStore(Path local, String remote) throws IOException {
        long localSize = Files.size(local);
        long remoteSize;
        try {
            remoteSize = size(remote);
        } catch (FtpReplyException missing) {
            if (missing.code() != ReplyCodes.FILE_UNAVAILABLE) {
                throw missing;
            }
            remoteSize = 0;
        }
        if (remoteSize > localSize) {
            throw new IOException("the remote file " + remote + " (" + remoteSize
                    + " bytes) is larger than the local file (" + localSize + " bytes); nothing to resume");
        }
        if (remoteSize == localSize) {
            return 0;
        }
        if (remoteSize == 0) {
            return store(local, remote);
        }
        // RFC 3659 §5: REST before STOR needs the REST STREAM feature; APPE works everywhere else.
        if (features().has("REST", "STREAM")) {
            return transfers.upload(local, remoteSize, Command.of("STOR", remote), remoteSize);
        }
        return transfers.upload(local, remoteSize, Command.of("APPE", remote), 0);
    }

    // ---------------------------------------------------------------- ending

    @Override
    public void abort() throws IOException {
        transfers.abort();
    }

    @Override
    public void quit() throws IOException {
        try {
            transfers.closeSilently();
            if (control.isOpen()) {
                control.execute(Command.of("QUIT"));
                control.close(); // goodbye said: close() below must not send a second QUIT
            }
        } catch (FtpReplyException e) {
            // 421 in reply to QUIT: the server says goodbye too
            if (e.code() != ReplyCodes.SERVICE_NOT_AVAILABLE) {
                throw e;
            }
        } finally {
            close();
        }
    }

    /**
     * Sends QUIT when the connection is idle, waiting a short while for its reply, then closes. With a transfer open
     * there is no QUIT (the server would answer it only after the transfer): the data connection is dropped.
     */
    @Override
    public void close() {
        if (control.isOpen() && transfers.isIdle()) {
            sayGoodbyeQuietly();
        }
        transfers.closeSilently();
        control.close();
        if (!closeTold) {
            closeTold = true;
            control.events().closed();
        }
    }

    /** RFC 959 §4.1.1 QUIT; whatever happens, the caller closes next, so no failure is reported. */
    private void sayGoodbyeQuietly() {
        int timeout = (int) Math.min(QUIT_TIMEOUT.toMillis(), config.replyTimeout().toMillis());
        try {
            control.send(Command.of("QUIT"));
            control.readReply(timeout);
        } catch (IOException | RuntimeException goneAlready) {
            // A server that is gone, slow or rude (421) changes nothing: the connection closes now.
        }
    }

    @Override
    public String toString() {
        return "ClientSession[" + control.remoteAddress() + ", open=" + control.isOpen() + "]";
    }
}
