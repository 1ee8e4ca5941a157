package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in verb and SITE subcommand wrapped by a decorator that hands the built-in a {@link Proxy} over
 * {@link CommandContext} (the way an audit, quota or multi-tenant decorator is written): curl, lftp and Python's
 * ftplib sessions work through it, in EPSV, PASV, PORT and EPRT, with the same bytes and file state.
 */
class DecoratedBuiltInsTest {

    private static final String FTPLIB_SESSION = """
            import ftplib, io, socket, sys
            port = int(sys.argv[1])
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', port, timeout=20)
            ftp.login('alice', 's3cret')
            def check(condition, what):
                if not condition:
                    print('FAILED: ' + what); sys.exit(1)
            check(ftp.pwd() == '/', 'pwd')
            check(ftp.mkd('work') == '/work', 'mkd')
            ftp.cwd('work')
            check(ftp.pwd() == '/work', 'cwd')
            data = bytes(range(256)) * 400
            ftp.storbinary('STOR data.bin', io.BytesIO(data))
            ftp.storbinary('APPE data.bin', io.BytesIO(b'tail'))
            data = data + b'tail'
            check(ftp.size('data.bin') == len(data), 'size')
            check(ftp.sendcmd('MDTM data.bin').startswith('213 '), 'mdtm')
            got = io.BytesIO(); ftp.retrbinary('RETR data.bin', got.write, rest=1000)
            check(got.getvalue() == data[1000:], 'rest+retr')
            ftp.rename('data.bin', 'renamed.bin')
            check(ftp.nlst() == ['renamed.bin'], 'nlst %r' % ftp.nlst())
            listing = []; ftp.dir(listing.append)
            check(len(listing) == 1 and listing[0].endswith(' renamed.bin'), 'list %r' % listing)
            facts = dict(ftp.mlsd())
            check(facts['renamed.bin']['size'] == str(len(data)), 'mlsd %r' % facts)
            check('size=%d;' % len(data) in ftp.sendcmd('MLST renamed.bin'), 'mlst')
            check(ftp.sendcmd('STAT').startswith('211-'), 'stat')
            check(ftp.sendcmd('SITE HELP').startswith('214-'), 'site help')
            ftp.sendcmd('TYPE A')
            ftp.storlines('STOR text.txt', io.BytesIO(b'one\\r\\ntwo\\r\\n'))
            lines = []; ftp.retrlines('RETR text.txt', lines.append)
            check(lines == ['one', 'two'], 'type a %r' % lines)
            ftp.sendcmd('TYPE I')
            ftp.set_pasv(False)
            got = io.BytesIO(); ftp.retrbinary('RETR renamed.bin', got.write)
            check(got.getvalue() == data, 'port retr')
            ftp.set_pasv(True)
            reply = ftp.sendcmd('EPSV')
            epsv_port = int(reply.split('|||')[1].split('|')[0])
            conn = socket.create_connection(('127.0.0.1', epsv_port), timeout=20)
            ftp.sendcmd('RETR renamed.bin')
            got = b''
            while True:
                chunk = conn.recv(65536)
                if not chunk: break
                got += chunk
            conn.close()
            check(ftp.voidresp().startswith('226'), 'epsv 226')
            check(got == data, 'epsv retr')
            ftp.storbinary('STOR keep.bin', io.BytesIO(data))
            ftp.delete('renamed.bin'); ftp.delete('text.txt')
            ftp.sendcmd('CDUP')
            check(ftp.pwd() == '/', 'cdup')
            ftp.mkd('gone'); ftp.rmd('gone')
            check(ftp.sendcmd('NOOP').startswith('200'), 'noop')
            ftp.quit()
            print('OK')
            """;

    @TempDir
    Path root;
    @TempDir
    Path local;

    /** Which verbs went through the decorator, and how many context calls the proxies forwarded. */
    private final Set<String> decoratedVerbs = ConcurrentHashMap.newKeySet();
    private final AtomicLong forwardedCalls = new AtomicLong();
    private FtpServer server;
    private byte[] content;

    /** Wraps every verb and SITE subcommand: the built-in gets a proxy that forwards each call to the context. */
    private CommandRegistry decorated() {
        CommandRegistry registry = CommandRegistry.standard();
        for (String verb : List.copyOf(registry.verbs())) {
            CommandDescriptor builtIn = registry.get(verb).orElseThrow();
            registry.register(verb, builtIn.withHandler((command, context) -> {
                decoratedVerbs.add(verb);
                return builtIn.handler().handle(command, forwarding(context));
            }));
        }
        for (String name : List.copyOf(registry.siteVerbs())) {
            CommandDescriptor builtIn = registry.getSite(name).orElseThrow();
            registry.registerSite(name, builtIn.withHandler((command, context) -> {
                decoratedVerbs.add("SITE " + name);
                return builtIn.handler().handle(command, forwarding(context));
            }));
        }
        return registry;
    }

    private CommandContext forwarding(CommandContext target) {
        InvocationHandler forward = (proxy, method, args) -> {
            forwardedCalls.incrementAndGet();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (CommandContext) Proxy.newProxyInstance(CommandContext.class.getClassLoader(),
                new Class<?>[] {CommandContext.class}, forward);
    }

    @BeforeEach
    void start() throws Exception {
        content = new byte[400_000];
        new Random(5).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
        server = TestServers.builder(root).commands(decorated()).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ftplibSessionRunsThroughDecoratedBuiltIns() throws Exception {
        Path python = Peers.require("python3");
        Path script = local.resolve("session.py");
        Files.writeString(script, FTPLIB_SESSION, StandardCharsets.UTF_8);

        Processes.Result result = Processes.run(local, Duration.ofSeconds(60),
                List.of(python.toString(), script.toString(), Integer.toString(server.port())));

        assertThat(result.stdout()).as(result.toString()).contains("OK");
        assertThat(result.exitCode()).isZero();
        byte[] expected = new byte[256 * 400 + 4];
        for (int i = 0; i < 256 * 400; i++) {
            expected[i] = (byte) i;
        }
        System.arraycopy("tail".getBytes(StandardCharsets.US_ASCII), 0, expected, 256 * 400, 4);
        assertThat(Files.readAllBytes(root.resolve("work/keep.bin"))).isEqualTo(expected);
        try (var names = Files.list(root.resolve("work"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("keep.bin");
        }
        assertThat(root.resolve("gone")).doesNotExist();
        assertThat(decoratedVerbs).contains("USER", "PASS", "PWD", "MKD", "CWD", "CDUP", "STOR", "APPE", "SIZE",
                "MDTM", "REST", "RETR", "RNFR", "RNTO", "NLST", "LIST", "MLSD", "MLST", "STAT", "SITE", "SITE HELP",
                "TYPE", "PORT", "PASV", "EPSV", "DELE", "RMD", "NOOP", "QUIT");
        assertThat(forwardedCalls.get()).isPositive();
    }

    /** Every other built-in verb, once with each outcome that matters; replies compared code by code. */
    private static final List<String> OTHER_VERBS = List.of("FEAT", "HELP", "HELP RETR", "SYST", "STRU F", "MODE S",
            "MODE B", "TYPE A", "TYPE I", "ALLO 10", "ACCT x", "OPTS UTF8 ON", "OPTS MLST type;", "OPTS HASH SHA-1",
            "HASH file.bin", "OPTS HASH SHA-256", "XSHA256 file.bin", "XSHA1 file.bin", "XMD5 file.bin",
            "XCRC file.bin", "MFMT 20200102030405 file.bin", "MDTM file.bin", "SITE CHMOD 644 file.bin", "SITE HELP",
            "SITE NOPE", "HOST example.com", "AUTH TLS", "PBSZ 0", "PROT P", "CCC", "ABOR", "STAT", "STAT file.bin",
            "XPWD", "XMKD d", "XCWD d", "XCUP", "XRMD d", "REST 5", "RNFR file.bin", "RNTO moved.bin", "RNFR moved.bin",
            "NOOP", "RNTO x", "SIZE moved.bin", "PORT 127,0,0,1,4,1", "EPRT |1|127.0.0.1|1025|", "ABOR", "EPSV ALL",
            "PASV", "EPSV", "REIN", "USER alice", "PASS s3cret", "NOPE", "QUIT");

    private static List<Integer> replyCodes(FtpServer target) throws Exception {
        List<Integer> codes = new ArrayList<>();
        try (RawFtp ftp = RawFtp.login(target.port())) {
            try (java.net.Socket data = ftp.passive()) {
                codes.add(ftp.send("STOU").codeValue());
                data.getOutputStream().write(new byte[] {1, 2, 3});
                data.shutdownOutput();
                codes.add(ftp.read().codeValue());
            }
            for (String line : OTHER_VERBS) {
                codes.add(ftp.send(line).codeValue());
            }
        }
        return codes;
    }

    @Test
    void everyOtherBuiltInAnswersThroughTheProxyAsItDoesWithout(@TempDir Path plainRoot) throws Exception {
        Files.write(plainRoot.resolve("file.bin"), content);
        List<Integer> plain;
        try (FtpServer undecorated = TestServers.builder(plainRoot).build().start()) {
            plain = replyCodes(undecorated);
        }

        List<Integer> decorated = replyCodes(server);

        assertThat(decorated).isEqualTo(plain).doesNotContain(451);
        assertThat(decorated).contains(502, 503, 504, 229, 213, 250, 257, 220);
        assertThat(decoratedVerbs).contains("STOU", "FEAT", "HASH", "XCRC", "MFMT", "SITE CHMOD", "HOST", "AUTH",
                "ABOR", "XMKD", "EPRT", "REIN", "OPTS", "ALLO", "ACCT", "STRU", "MODE");
    }

    @Test
    void curlTransfersInEveryDataModeThroughDecoratedBuiltIns() throws Exception {
        Path curl = Peers.require("curl");
        String url = TestServers.url(server, "");
        List<List<String>> runs = List.of(
                List.of("-o", "epsv.bin", url + "file.bin"),
                List.of("--disable-epsv", "-o", "pasv.bin", url + "file.bin"),
                List.of("-P", "127.0.0.1", "--disable-eprt", "-o", "port.bin", url + "file.bin"),
                List.of("-P", "127.0.0.1", "-o", "eprt.bin", url + "file.bin"),
                List.of("--ftp-create-dirs", "-T", "epsv.bin", url + "up/uploaded.bin"),
                List.of("-r", "1000-", "-o", "range.bin", url + "file.bin"),
                List.of("-l", "-o", "names.txt", url),
                List.of("-Q", "DELE up/uploaded.bin", "-Q", "RMD up", "-o", "listing.txt", url));
        for (List<String> run : runs) {
            List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "20"));
            command.addAll(run);
            Processes.Result result = Processes.run(local, Duration.ofSeconds(30), command);
            assertThat(result.exitCode()).as(run + "\n" + result).isZero();
        }

        for (String name : List.of("epsv.bin", "pasv.bin", "port.bin", "eprt.bin")) {
            assertThat(Files.readAllBytes(local.resolve(name))).as(name).isEqualTo(content);
        }
        assertThat(Files.readAllBytes(local.resolve("range.bin")))
                .isEqualTo(java.util.Arrays.copyOfRange(content, 1000, content.length));
        assertThat(Files.readString(local.resolve("names.txt"))).contains("file.bin", "up");
        assertThat(Files.readString(local.resolve("listing.txt"))).contains(" file.bin").doesNotContain(" up");
        assertThat(root.resolve("up")).doesNotExist();
        assertThat(decoratedVerbs).contains("EPSV", "PASV", "PORT", "EPRT", "MKD", "STOR", "REST", "LIST", "NLST",
                "DELE", "RMD");
    }

    @Test
    void lftpMirrorsBothWaysAndManagesFilesThroughDecoratedBuiltIns() throws Exception {
        Path lftp = Peers.require("lftp");
        Path tree = Files.createDirectories(local.resolve("tree/sub"));
        Files.write(tree.resolve("a.bin"), content);
        Files.writeString(local.resolve("tree/b.txt"), "bee");
        String script = "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit true; "
                + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port() + " 127.0.0.1; "
                + "mirror -R " + local.resolve("tree") + " copy; mv copy/b.txt copy/c.txt; cls -l copy; "
                + "mirror copy " + local.resolve("back") + "; rm copy/c.txt; mkdir empty; rmdir empty; bye";

        Processes.Result result = Processes.run(local, Duration.ofSeconds(60), List.of(lftp.toString(), "-c", script));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("copy/sub/a.bin"))).isEqualTo(content);
        assertThat(Files.readAllBytes(local.resolve("back/sub/a.bin"))).isEqualTo(content);
        assertThat(Files.readString(local.resolve("back/c.txt"))).isEqualTo("bee");
        assertThat(root.resolve("copy/c.txt")).doesNotExist();
        assertThat(root.resolve("empty")).doesNotExist();
        assertThat(decoratedVerbs).contains("RNFR", "RNTO", "MLSD", "DELE", "MKD", "RMD", "STOR", "RETR");
    }
}
