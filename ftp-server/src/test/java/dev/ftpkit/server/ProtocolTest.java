package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact replies over a bare control connection: sequencing, errors, the extended command set. */
class ProtocolTest {

    @TempDir
    Path root;

    private FtpServer server;

    private FtpServer start(FtpServer.Builder builder) throws Exception {
        server = builder.build().start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void greetingIs220AndQuitIs221() throws Exception {
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            assertThat(ftp.greeting.codeValue()).isEqualTo(220);
            ftp.expect(221, "QUIT");
            assertThat(ftp.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownVerbAndGarbageAre500() throws Exception {
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("FROB x").codeValue()).isEqualTo(500);
            assertThat(ftp.send("12 34").codeValue()).isEqualTo(500);
            ftp.sendRaw(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n'});
            assertThat(ftp.read().codeValue()).isEqualTo(500);
            assertThat(ftp.send("NOOP").codeValue()).isEqualTo(200);
        }
    }

    @Test
    void disabledModesAre502() throws Exception {
        start(TestServers.builder(root).passive(PassiveSettings.disabled()).active(ActiveSettings.disabled()));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("PASV").codeValue()).isEqualTo(502);
            assertThat(ftp.send("EPSV").codeValue()).isEqualTo(502);
            assertThat(ftp.send("PORT 127,0,0,1,200,10").codeValue()).isEqualTo(502);
            assertThat(ftp.send("EPRT |1|127.0.0.1|51234|").codeValue()).isEqualTo(502);
        }
    }

    @Test
    void epsvAllRefusesOtherDataCommandsAndEpsvWorks() throws Exception {
        Files.writeString(root.resolve("a.txt"), "abc");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "EPSV ALL");
            assertThat(ftp.send("PASV").codeValue()).isEqualTo(503);
            assertThat(ftp.send("PORT 127,0,0,1,200,10").codeValue()).isEqualTo(503);
            assertThat(ftp.send("EPSV 2").codeValue()).isEqualTo(522);
            Reply epsv = ftp.expect(229, "EPSV 1");
            assertThat(epsv.text()).matches("Entering Extended Passive Mode \\(\\|\\|\\|\\d+\\|\\)");
        }
    }

    @Test
    void extendedCommandsAnswerAsSpecified() throws Exception {
        Files.writeString(root.resolve("a.txt"), "hello");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("TYPE A N").codeValue()).isEqualTo(200);
            assertThat(ftp.send("TYPE L 8").codeValue()).isEqualTo(200);
            assertThat(ftp.send("TYPE E").codeValue()).isEqualTo(504);
            assertThat(ftp.send("TYPE Q").codeValue()).isEqualTo(501);
            assertThat(ftp.send("STRU F").codeValue()).isEqualTo(200);
            assertThat(ftp.send("STRU R").codeValue()).isEqualTo(504);
            assertThat(ftp.send("MODE S").codeValue()).isEqualTo(200);
            assertThat(ftp.send("MODE B").codeValue()).isEqualTo(504);
            assertThat(ftp.send("ALLO 100").codeValue()).isEqualTo(202);
            assertThat(ftp.send("ACCT x").codeValue()).isEqualTo(202);
            assertThat(ftp.send("REST -1").codeValue()).isEqualTo(501);
            assertThat(ftp.send("REST abc").codeValue()).isEqualTo(501);
            assertThat(ftp.send("OPTS UTF8 ON").codeValue()).isEqualTo(200);
            assertThat(ftp.send("OPTS MLST type;size;modify;perm;").codeValue()).isEqualTo(200);
            assertThat(ftp.send("OPTS HASH MD5").encode()).isEqualTo("200 MD5\r\n");
            assertThat(ftp.send("HASH a.txt").encode()).isEqualTo("213 MD5 0-5 5d41402abc4b2a76b9719d911017c592 a.txt\r\n");
            assertThat(ftp.send("OPTS HASH SHA-256").codeValue()).isEqualTo(200);
            assertThat(ftp.send("XSHA256 a.txt").encode())
                    .isEqualTo("250 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\r\n");
            assertThat(ftp.send("XMD5 a.txt").encode()).isEqualTo("250 5d41402abc4b2a76b9719d911017c592\r\n");
            assertThat(ftp.send("XSHA1 a.txt").encode()).isEqualTo("250 aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\r\n");
            assertThat(ftp.send("XCRC a.txt").encode()).isEqualTo("250 3610A686\r\n");
            assertThat(ftp.send("MFMT 20200102030405 a.txt").encode()).isEqualTo("213 Modify=20200102030405; a.txt\r\n");
            assertThat(ftp.send("MDTM a.txt").encode()).isEqualTo("213 20200102030405\r\n");
            assertThat(ftp.send("MFMT 20201302030405 a.txt").codeValue()).isEqualTo(501);
            Reply mlst = ftp.send("MLST a.txt");
            assertThat(mlst.codeValue()).isEqualTo(250);
            assertThat(mlst.lines().get(1)).startsWith(" type=file;size=5;modify=20200102030405;perm=").endsWith("; /a.txt");
            assertThat(ftp.send("SITE CHMOD 600 a.txt").codeValue()).isEqualTo(200);
            assertThat(Files.getPosixFilePermissions(root.resolve("a.txt")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(ftp.send("SITE HELP").codeValue()).isEqualTo(214);
            assertThat(ftp.send("SITE NOPE").codeValue()).isEqualTo(502);
            assertThat(ftp.send("HELP").codeValue()).isEqualTo(214);
            assertThat(ftp.send("STAT").codeValue()).isEqualTo(211);
            Reply stat = ftp.send("STAT /");
            assertThat(stat.codeValue()).isEqualTo(213);
            assertThat(stat.text()).contains(" a.txt");
            assertThat(ftp.send("ABOR").codeValue()).isEqualTo(225);
            assertThat(ftp.send("XPWD").codeValue()).isEqualTo(257);
            assertThat(ftp.send("XMKD d").codeValue()).isEqualTo(257);
            assertThat(ftp.send("XCWD d").codeValue()).isEqualTo(250);
            assertThat(ftp.send("XCUP").codeValue()).isEqualTo(250);
            assertThat(ftp.send("XRMD d").codeValue()).isEqualTo(250);
            assertThat(ftp.send("REIN").codeValue()).isEqualTo(220);
            assertThat(ftp.send("PWD").codeValue()).isEqualTo(530);
        }
    }

    @Test
    void featListsTheExtensions() throws Exception {
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.connect(server.port())) {
            Reply feat = ftp.send("FEAT");
            assertThat(feat.lines()).contains(" EPSV", " EPRT", " MDTM", " SIZE", " REST STREAM", " UTF8", " MFMT",
                    " HOST", " MLST type*;size*;modify*;perm*;unique*;", " HASH SHA-256*;SHA-1;MD5;CRC32");
        }
    }

    @Test
    void asciiTypeConvertsLineEnds() throws Exception {
        Files.writeString(root.resolve("unix.txt"), "a\nb\n");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE A");
            assertThat(new String(ftp.retrieve("unix.txt"), StandardCharsets.US_ASCII)).isEqualTo("a\r\nb\r\n");
            ftp.store("up.txt", "x\r\ny\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(root.resolve("up.txt")).hasContent("x\ny\n");
    }

    @Test
    void stouCreatesAFreshNameAndReportsIt() throws Exception {
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            Reply opening = ftp.expect(150, "STOU");
            data.getOutputStream().write("unique".getBytes(StandardCharsets.US_ASCII));
            data.shutdownOutput();
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            String name = opening.text().substring("FILE: ".length());
            assertThat(root.resolve(name)).hasContent("unique");
        }
    }

    @Test
    void activeModeConnectsBackToTheClient() throws Exception {
        Files.writeString(root.resolve("a.txt"), "active bytes");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port());
             ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            ftp.expect(200, "PORT 127,0,0,1," + (port >> 8) + "," + (port & 0xFF));
            listener.setSoTimeout(10_000);
            ftp.sendRaw("RETR a.txt\r\n".getBytes(StandardCharsets.US_ASCII));
            try (Socket data = listener.accept()) {
                assertThat(ftp.read().codeValue()).isEqualTo(150);
                assertThat(new String(data.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("active bytes");
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
        }
    }

    @Test
    void utf8NamesRoundTrip() throws Exception {
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("MKD café ünïcode").encode()).isEqualTo("257 \"/café ünïcode\" created\r\n");
            ftp.store("café ünïcode/日本.txt", "utf8".getBytes(StandardCharsets.UTF_8));
            assertThat(ftp.list("NLST café ünïcode")).isEqualTo("café ünïcode/日本.txt\r\n");
        }
        assertThat(root.resolve("café ünïcode").resolve("日本.txt")).hasContent("utf8");
    }

    @Test
    void listHidesDotFilesUnlessAskedWithDashA() throws Exception {
        Files.writeString(root.resolve(".hidden"), "h");
        Files.writeString(root.resolve("shown"), "s");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.list("LIST")).contains(" shown").doesNotContain(".hidden");
            assertThat(ftp.list("LIST -la")).contains(" shown").contains(" .hidden");
            assertThat(ftp.list("LIST -l /")).contains(" shown").doesNotContain(".hidden");
            assertThat(ftp.list("NLST *own")).isEqualTo("shown\r\n");
            assertThat(ftp.list("LIST shown")).endsWith(" shown\r\n");
        }
    }

    @Test
    void largeDirectoryIsListedCompleteAndSortedByEveryListingCommand() throws Exception {
        int count = 5_000; // more than one reading thread's share (ParallelEntries)
        List<String> names = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            String name = String.format("entry-%05d", i);
            Files.writeString(root.resolve(name), "x".repeat(i % 7));
            names.add(name);
        }
        Files.writeString(root.resolve(".hidden"), "h");
        Collections.sort(names);
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            List<String> list = List.of(ftp.list("LIST").split("\r\n"));
            List<String> mlsd = List.of(ftp.list("MLSD").split("\r\n"));
            List<String> nlst = List.of(ftp.list("NLST").split("\r\n"));

            assertThat(nlst).containsExactlyElementsOf(names);
            assertThat(list).hasSize(count);
            assertThat(mlsd).hasSize(count + 1); // MLSD shows hidden names
            for (int i = 0; i < count; i++) {
                String name = names.get(i);
                int size = Integer.parseInt(name.substring(6)) % 7;
                // ls -l columns: mode, links, owner, group (34 characters), size (12), date (1 + 12), name
                assertThat(list.get(i)).startsWith("-rw");
                assertThat(list.get(i).substring(34, 46).strip()).isEqualTo(Integer.toString(size));
                assertThat(list.get(i).substring(60)).isEqualTo(name);
                assertThat(mlsd.get(i + 1)).startsWith("type=file;size=" + size + ";").endsWith("; " + name);
            }
        }
    }

    @Test
    void transfersRunOnTheTransferThreadFactoryAndSessionsOnTheSessionFactory() throws Exception {
        Files.writeString(root.resolve("a.txt"), "transfer");
        List<String> sessionThreads = Collections.synchronizedList(new ArrayList<>());
        List<String> transferThreads = Collections.synchronizedList(new ArrayList<>());
        start(TestServers.builder(root)
                .threadFactory(runnable -> named(runnable, "session", sessionThreads))
                .transferThreadFactory(runnable -> named(runnable, "transfer", transferThreads)));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(new String(ftp.retrieve("a.txt"), StandardCharsets.UTF_8)).isEqualTo("transfer");
            ftp.store("b.txt", "stored".getBytes(StandardCharsets.UTF_8));
            assertThat(ftp.list("NLST")).isEqualTo("a.txt\r\nb.txt\r\n");
        }
        assertThat(sessionThreads).containsExactly("session-1");
        assertThat(transferThreads).containsExactly("transfer-1", "transfer-2", "transfer-3");
        assertThat(root.resolve("b.txt")).hasContent("stored");
    }

    @Test
    void sessionThreadsAreStartedByAVirtualAcceptorWhereTheJvmHasVirtualThreads() throws Exception {
        List<Thread> starters = Collections.synchronizedList(new ArrayList<>());
        start(TestServers.builder(root).threadFactory(runnable -> {
            starters.add(Thread.currentThread());
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        }));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(257, "PWD");
        }
        assertThat(starters).hasSize(1);
        Thread acceptor = starters.get(0);
        assertThat(acceptor.getName()).isEqualTo("ftpkit-acceptor-" + server.port());
        // Thread.isVirtual is Java 21's; this module compiles for 17
        boolean virtual = SessionThreads.virtualThreadsAvailable()
                && (boolean) Thread.class.getMethod("isVirtual").invoke(acceptor);
        assertThat(virtual).isEqualTo(SessionThreads.virtualThreadsAvailable());
    }

    private static Thread named(Runnable runnable, String kind, List<String> made) {
        String name = kind + "-" + (made.size() + 1);
        made.add(name);
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Test
    void restThenStorWritesInPlaceFromTheOffset() throws Exception {
        Files.writeString(root.resolve("resume.txt"), "0123456789");
        start(TestServers.builder(root));
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(350, "REST 4");
            ftp.store("resume.txt", "abc".getBytes(StandardCharsets.US_ASCII));
            ftp.expect(350, "REST 3");
            assertThat(new String(ftp.retrieve("resume.txt"), StandardCharsets.US_ASCII)).isEqualTo("3abc");
        }
        assertThat(root.resolve("resume.txt")).hasContent("0123abc");
    }
}
