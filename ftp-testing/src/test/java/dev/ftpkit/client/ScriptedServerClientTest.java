package dev.ftpkit.client;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a scripted server: replies and faults real servers do not produce on demand. */
class ScriptedServerClientTest {

    @TempDir
    Path dir;

    /**
     * A bound on how long a 300 ms timeout may take to fire: far above it, for a loaded machine, and well under the
     * 30 s that a scripted server's hang lasts, so a timeout that fires is still told from one that never does.
     */
    private static final Duration HANG_ENDS_LATER = Duration.ofSeconds(20);

    private static final byte[] CONTENT = "0123456789abcdef".repeat(1000).getBytes(StandardCharsets.US_ASCII);

    private static FtpClientConfig.Builder fast() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(5));
    }

    private static String pasvArgument(String address, int port) {
        return address.replace('.', ',') + "," + (port >> 8) + "," + (port & 0xff);
    }

    private static FtpClient loggedIn(ScriptedFtpServer server, FtpClientConfig config) throws Exception {
        FtpClient client = FtpClient.connect(config, server.host(), server.port());
        client.loginAnonymous();
        return client;
    }

    /** RETR answered with the content over the data connection the client opened. */
    private static void sendFile(ScriptedFtpServer.Session s, byte[] content) throws Exception {
        s.expect("RETR").reply("150 here it comes (" + content.length + " bytes)");
        try (Socket data = s.acceptData()) {
            data.getOutputStream().write(content);
        }
        s.reply("226 done");
    }

    @Test
    void passiveReplyWithoutParenthesesIsStillParsed() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("PASV").reply("227 Entering Passive Mode " + pasvArgument("127.0.0.1", port));
            sendFile(s, CONTENT);
        })) {
            FtpClientConfig config = fast().dataConnectionMode(DataConnectionMode.passive().withoutEpsv()).build();
            try (FtpClient client = loggedIn(server, config)) {
                Path local = dir.resolve("file");
                assertThat(client.retrieve("file", local)).isEqualTo(CONTENT.length);
                assertThat(Files.readAllBytes(local)).isEqualTo(CONTENT);
            }
            server.awaitScript();
        }
    }

    @Test
    void refusedEpsvFallsBackToPasvAndIsNotTriedAgain() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            for (int i = 0; i < 2; i++) {
                if (i == 0) {
                    s.expect("EPSV").reply("500 what is EPSV");
                }
                int port = s.listenForData();
                s.expect("PASV").reply("227 Entering Passive Mode (" + pasvArgument("127.0.0.1", port) + ")");
                sendFile(s, CONTENT);
            }
            s.expect("QUIT").reply("221 bye");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                assertThat(client.retrieve("a", OutputStream.nullOutputStream())).isEqualTo(CONTENT.length);
                assertThat(client.retrieve("b", OutputStream.nullOutputStream())).isEqualTo(CONTENT.length);
                client.quit();
            }
            server.awaitScript();
        }
    }

    @Test
    void multiLineReplyWithDigitLeadingLinesIsReadAsOneReply() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220-Welcome\n220-second line\n220 ready").login();
            s.expect("STAT").reply("211-Status follows\n200 this is not the end\n211-nor is this\n123 or this\n211 End");
            s.expect("NOOP").reply("200 ok");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                assertThat(client.greeting().lines()).hasSize(3);

                Reply status = client.status();

                assertThat(status.codeValue()).isEqualTo(211);
                assertThat(status.lines()).hasSize(5);
                assertThat(status.lines().get(1)).isEqualTo("200 this is not the end");
                client.noop();
            }
            server.awaitScript();
        }
    }

    @Test
    void serviceNotAvailableMidSessionThrowsAndClosesTheConnection() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("NOOP").reply("421 Timeout, closing control connection.");
            s.disconnect();
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(client::noop)
                        .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(421));

                assertThat(client.isConnected()).isFalse();
            }
            server.awaitScript();
        }
    }

    @Test
    void serviceNotAvailableAsTheTransfersFinalReplyFailsTheTransferAndCloses() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR").reply("150 go");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(CONTENT);
            }
            s.reply("421 shutting down");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(() -> client.retrieve("f", dir.resolve("f")))
                        .isInstanceOfSatisfying(FtpTransferException.class,
                                e -> assertThat(e.bytesTransferred()).isEqualTo(CONTENT.length));

                assertThat(client.isConnected()).isFalse();
            }
            server.awaitScript();
        }
    }

    @Test
    void serverThatNeverGreetsTimesOut() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ScriptedFtpServer.Session::hang)) {
            FtpClientConfig config = fast().replyTimeout(Duration.ofMillis(300)).build();

            assertThatThrownBy(() -> FtpClient.connect(config, server.host(), server.port()))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void disconnectMidTransferReportsThePartialFile() throws Exception {
        int half = CONTENT.length / 2;
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR").reply("150 go (" + CONTENT.length + " bytes)");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(CONTENT, 0, half);
            }
            s.reply("426 Connection closed; transfer aborted.");
            s.expect("NOOP").reply("200 still here");
        })) {
            Path local = dir.resolve("partial.bin");
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(() -> client.retrieve("big", local))
                        .isInstanceOfSatisfying(FtpTransferException.class, e -> {
                            assertThat(e.bytesTransferred()).isEqualTo(half);
                            assertThat(e.reply()).hasValueSatisfying(r -> assertThat(r.codeValue()).isEqualTo(426));
                        });

                assertThat(Files.readAllBytes(local)).isEqualTo(Arrays.copyOf(CONTENT, half));
                client.noop();
            }
            server.awaitScript();
        }
    }

    @Test
    void serverCrashMidTransferFailsTheTransfer() throws Exception {
        int part = 5000;
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR").reply("150 go");
            Socket data = s.acceptData();
            data.getOutputStream().write(CONTENT, 0, part);
            data.setSoLinger(true, 0);
            data.close();
            s.disconnect();
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(() -> client.retrieve("big", dir.resolve("crash.bin")))
                        .isInstanceOfSatisfying(FtpTransferException.class,
                                e -> assertThat(e.bytesTransferred()).isLessThanOrEqualTo(part));

                assertThat(client.isConnected()).isFalse();
            }
            server.awaitScript();
        }
    }

    @Test
    void garbledReplyIsAProtocolError() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("NOOP").reply("hello there");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                assertThatThrownBy(client::noop).isInstanceOf(FtpProtocolException.class);
            }
            server.awaitScript();
        }
    }

    @Test
    void abortHandles426Then226AndLeavesTheConnectionUsable() throws Exception {
        abortLeavesTheConnectionUsable("426 Connection closed; transfer aborted.", "226 Abort successful");
    }

    @Test
    void abortHandles226AloneAndLeavesTheConnectionUsable() throws Exception {
        abortLeavesTheConnectionUsable("226 Transfer complete.", null);
    }

    private void abortLeavesTheConnectionUsable(String first, String second) throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR").reply("150 go");
            Socket data = s.acceptData();
            data.getOutputStream().write(CONTENT);
            s.expect("ABOR");
            data.close();
            s.reply(first);
            if (second != null) {
                s.reply(second);
            }
            s.expect("NOOP").reply("200 NOOP ok");
            s.expect("SIZE f").reply("213 42");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                InputStream in = client.retrieve("f");
                assertThat(in.readNBytes(10)).hasSize(10);

                in.close();

                assertThat(client.size("f")).isEqualTo(42);
            }
            server.awaitScript();
        }
    }

    @Test
    void uploadSendsTheBytesAndChecksTheFinalReply() throws Exception {
        byte[][] received = new byte[1][];
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("STOR up").reply("150 send it");
            try (Socket data = s.acceptData()) {
                received[0] = s.readAll(data);
            }
            s.reply("552 Exceeded storage allocation");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(() -> client.store(new java.io.ByteArrayInputStream(CONTENT), "up"))
                        .isInstanceOfSatisfying(FtpTransferException.class, e -> {
                            assertThat(e.bytesTransferred()).isEqualTo(CONTENT.length);
                            assertThat(e.reply()).hasValueSatisfying(r -> assertThat(r.codeValue()).isEqualTo(552));
                        });
            }
            server.awaitScript();
            assertThat(received[0]).isEqualTo(CONTENT);
        }
    }

    @Test
    void virtualHostIsSentBeforeUserAndItsAbsenceTolerated() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("HOST ftp.example.com").reply("502 HOST not implemented");
            s.login();
        })) {
            FtpClientConfig config = fast().virtualHost("ftp.example.com").build();
            try (FtpClient client = loggedIn(server, config)) {
                assertThat(client.isConnected()).isTrue();
            }
            server.awaitScript();
        }
    }

    @Test
    void mlsdIsUsedWhenOfferedAndUnparseableLinesAreKept() throws Exception {
        String listing = "type=file;size=12;modify=20240102030405; a.txt\r\n"
                + "type=dir;modify=20240102030405; sub dir\r\n"
                + "garbage without facts\r\n";
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("USER").reply("230 in");
            s.expect("FEAT").reply("211-Features:\n MLST type*;size*;modify*;\n UTF8\n EPSV\n211 End");
            s.expect("OPTS UTF8 ON").reply("200 ok");
            s.expect("TYPE I").reply("200 binary");
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("MLSD").reply("150 listing");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(listing.getBytes(StandardCharsets.UTF_8));
            }
            s.reply("226 done");
            s.expect("MLST a.txt").reply("250-Listing a.txt\n type=file;size=12; a.txt\n250 End");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                var entries = client.list("");

                assertThat(entries).hasSize(3);
                assertThat(entries.get(0).name()).isEqualTo("a.txt");
                assertThat(entries.get(0).size()).hasValue(12);
                assertThat(entries.get(1).isDirectory()).isTrue();
                assertThat(entries.get(1).name()).isEqualTo("sub dir");
                assertThat(entries.get(2).isParsed()).isFalse();
                assertThat(entries.get(2).rawLine()).isEqualTo("garbage without facts");
                assertThat(client.mlst("a.txt").size()).hasValue(12);
            }
            server.awaitScript();
        }
    }

    @Test
    void activeModeOverIpv6UsesEprt() throws Exception {
        java.net.InetAddress ipv6 = java.net.InetAddress.getByName("::1");
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ipv6, s -> {
            s.reply("220 ready").login();
            String eprt = s.command();
            assertThat(eprt).startsWith("EPRT |2|");
            var address = dev.ftpkit.core.ExtendedAddress.parseEprtArgument(eprt.substring(5));
            assertThat(address.address()).isEqualTo(ipv6);
            s.reply("200 EPRT ok");
            s.expect("RETR f").reply("150 connecting");
            try (Socket data = s.connectData(address.toSocketAddress())) {
                data.getOutputStream().write(CONTENT);
            }
            s.reply("226 done");
        })) {
            FtpClientConfig config = fast().dataConnectionMode(DataConnectionMode.active()).build();
            try (FtpClient client = loggedIn(server, config)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                client.retrieve("f", out);
                assertThat(out.toByteArray()).isEqualTo(CONTENT);
            }
            server.awaitScript();
        }
    }

    @Test
    void activeModeTimesOutWhenTheServerNeverConnects() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("PORT").reply("200 PORT ok");
            s.expect("RETR f").reply("150 connecting (not really)");
            s.expect("ABOR").reply("425 Can't open data connection.\n225 ABOR ok");
            s.expect("NOOP").reply("200 NOOP ok");
            s.expect("NOOP").reply("200 NOOP ok");
        })) {
            FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(60))
                    .connectTimeout(Duration.ofMillis(300)).dataConnectionMode(DataConnectionMode.active()).build();
            try (FtpClient client = loggedIn(server, config)) {
                long start = System.nanoTime();

                assertThatThrownBy(() -> client.retrieve("f")).isInstanceOf(SocketTimeoutException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
                client.noop();
            }
            server.awaitScript();
        }
    }

    @Test
    void keepAliveNoopsDuringATransferAreAnsweredAndAbsorbed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger noops = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch twoNoops = new java.util.concurrent.CountDownLatch(2);
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR big").reply("150 go");
            Thread controlReader = new Thread(() -> {
                try {
                    // Bounded by the client: it ends with QUIT.
                    while (true) {
                        String command = s.command();
                        if (command.equals("QUIT")) {
                            s.reply("221 bye");
                            return;
                        }
                        noops.incrementAndGet();
                        s.reply("200 NOOP ok");
                        twoNoops.countDown();
                    }
                } catch (java.io.IOException e) {
                    // the client went away
                }
            }, "scripted-control-reader");
            controlReader.setDaemon(true);
            controlReader.start();
            long sent = 0;
            try (Socket data = s.acceptData()) {
                byte[] chunk = new byte[16 * 1024];
                // Bounded: at most 4 GiB, normally a few MiB until the client has sent two NOOPs.
                while (!twoNoops.await(0, java.util.concurrent.TimeUnit.MILLISECONDS) && sent < (4L << 30)) {
                    data.getOutputStream().write(chunk);
                    sent += chunk.length;
                }
            }
            s.reply("226 done");
            controlReader.join(10_000);
        })) {
            FtpClientConfig config = fast().keepAliveInterval(Duration.ofMillis(5)).build();
            try (FtpClient client = loggedIn(server, config)) {
                long received = client.retrieve("big", OutputStream.nullOutputStream());

                assertThat(received).isPositive();
                client.noop();
                client.quit();
            }
            server.awaitScript();
            assertThat(noops.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void accountIsSentWhenTheServerAsksForIt() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("USER bob").reply("331 password");
            s.expect("PASS pw").reply("332 account please");
            s.expect("ACCT acme").reply("230 in");
            s.expect("FEAT").reply("502 no");
            s.expect("TYPE I").reply("200 ok");
            s.expect("MFMT 20240102030405 f.txt").reply("213 Modify=20240102030405; f.txt");
            s.expect("SITE CHMOD 644 f.txt").reply("200 SITE CHMOD ok");
        })) {
            try (FtpClient client = FtpClient.connect(fast().build(), server.host(), server.port())) {
                client.login("bob", "pw", "acme");
                client.setModificationTime("f.txt", java.time.Instant.parse("2024-01-02T03:04:05Z"));
                assertThat(client.site("CHMOD 644 f.txt").codeValue()).isEqualTo(200);
            }
            server.awaitScript();
        }
    }

    @Test
    void uploadToAServerThatStopsReadingTimesOut() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("STOR stuck").reply("150 send it");
            Socket data = s.acceptData();
            data.setReceiveBufferSize(4096);
            s.hang();
        })) {
            FtpClientConfig config = fast().dataTimeout(Duration.ofMillis(300)).replyTimeout(Duration.ofMillis(300)).build();
            try (FtpClient client = loggedIn(server, config)) {
                InputStream endless = new InputStream() {
                    private long left = 1L << 32;

                    @Override
                    public int read() {
                        return left-- > 0 ? 0 : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        left -= n;
                        return n;
                    }
                };
                long start = System.nanoTime();

                assertThatThrownBy(() -> client.store(endless, "stuck"))
                        .isInstanceOf(FtpTransferException.class)
                        .hasRootCauseInstanceOf(java.io.IOException.class)
                        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class));

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
            }
        }
    }

    @Test
    void passiveAddressIsUsedOnlyWhenTrusted() throws Exception {
        java.net.InetAddress ipv6 = java.net.InetAddress.getByName("::1");
        java.net.InetAddress ipv4 = java.net.InetAddress.getByName("127.0.0.1");
        // The control connection runs over ::1 while the 227 reply names 127.0.0.1, where the data listener is.
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ipv6, s -> {
            s.reply("220 ready").login();
            int port = s.listenForData(ipv4);
            s.expect("PASV").reply("227 Entering Passive Mode (" + pasvArgument("127.0.0.1", port) + ")");
            s.expect("NOOP").reply("200 ok");
        })) {
            FtpClientConfig config = fast().connectTimeout(Duration.ofSeconds(2))
                    .dataConnectionMode(DataConnectionMode.passive().withoutEpsv()).build();
            try (FtpClient client = loggedIn(server, config)) {

                assertThatThrownBy(() -> client.retrieve("f")).isInstanceOf(java.net.ConnectException.class);

                client.noop();
            }
            server.awaitScript();
        }
        try (ScriptedFtpServer server = ScriptedFtpServer.start(ipv6, s -> {
            s.reply("220 ready").login();
            int port = s.listenForData(ipv4);
            s.expect("PASV").reply("227 Entering Passive Mode (" + pasvArgument("127.0.0.1", port) + ")");
            sendFile(s, CONTENT);
        })) {
            FtpClientConfig config = fast().dataConnectionMode(
                    DataConnectionMode.passive().withoutEpsv().trustingPassiveAddress()).build();
            try (FtpClient client = loggedIn(server, config)) {
                try (InputStream in = client.retrieve("f")) {
                    assertThat(in.readAllBytes()).isEqualTo(CONTENT);
                }
            }
            server.awaitScript();
        }
    }

    @Test
    void listWithoutMlstParsesListAndKeepsLinesNoParserUnderstands() throws Exception {
        String listing = "total 8\r\n"
                + "-rw-r--r--    1 0        0            1234 Jan 02  2024 unix.txt\r\n"
                + "01-02-24  03:04PM                 5678 dos.txt\r\n"
                + "01-02-24  03:04PM       <DIR>          dosdir\r\n"
                + "?? this is no listing line ??\r\n";
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("LIST pub").reply("150 Here comes the directory listing.");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(listing.getBytes(StandardCharsets.US_ASCII));
            }
            s.reply("226 Directory send OK.");
            s.expect("SYST").reply("215 UNIX Type: L8"); // no single format explains every line
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                var entries = client.list("pub");

                assertThat(entries).extracting(dev.ftpkit.core.list.ListEntry::name)
                        .startsWith("unix.txt", "dos.txt", "dosdir");
                assertThat(entries.get(0).size()).hasValue(1234);
                assertThat(entries.get(1).size()).hasValue(5678);
                assertThat(entries.get(2).isDirectory()).isTrue();
                assertThat(entries).hasSize(4);
                assertThat(entries.get(3).isParsed()).isFalse();
                assertThat(entries.get(3).rawLine()).isEqualTo("?? this is no listing line ??");
            }
            server.awaitScript();
        }
    }

    @Test
    void endlessListingIsBoundedAndAborted() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("NLST").reply("150 names");
            byte[] names = "name\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            try (Socket data = s.acceptData()) {
                // Bounded: at most 1 GiB, until the client gives up and closes the data connection.
                for (int i = 0; i < 20_000; i++) {
                    data.getOutputStream().write(names);
                }
            } catch (java.io.IOException clientClosed) {
                // expected
            }
            s.expect("ABOR").reply("426 aborted\n226 ABOR ok");
            s.expect("NOOP").reply("200 ok");
            s.expect("NOOP").reply("200 ok");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(() -> client.listNames("")).isInstanceOf(FtpProtocolException.class)
                        .hasMessageContaining("larger than");

                client.noop();
            }
            server.awaitScript();
        }
    }
}
