package dev.ftpkit.server.security;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzer: random sequences of valid and invalid commands and arguments, each on its own session (RFC 959 §4.2
 * reply format: every reply is a 3-digit code and a space or hyphen). Item 24.
 *
 * <p>The fuzzed user may write only in {@code /rw} (its home); the rest of the root must stay unchanged. A session
 * that throws ends without a 221/421/530 (checked), and a handler that throws unexpectedly answers 451 "Local error"
 * (checked: never seen). Modest tries (200, not jqwik's 1,000) keep it fast: every try is a real session.
 */
class CommandFuzzTest {

    private static final Pattern FIRST = Pattern.compile("\\d{3}[ -].*");
    private static final String[] VERBS = {"USER", "PASS", "ACCT", "CWD", "CDUP", "PWD", "XPWD", "MKD", "XMKD", "RMD",
        "DELE", "RNFR", "RNTO", "SIZE", "MDTM", "MFMT", "MLST", "MLSD", "LIST", "NLST", "STAT", "RETR", "STOR", "STOU",
        "APPE", "REST", "TYPE", "MODE", "STRU", "PASV", "EPSV", "PORT", "EPRT", "ABOR", "NOOP", "SYST", "FEAT", "OPTS",
        "HELP", "SITE", "HOST", "REIN", "HASH", "ALLO", "AUTH", "PBSZ", "PROT", "LANG", "CLNT", "XCUP", "XRMD", "QUIT"};

    private static Path base;
    private static Path root;
    private static FtpServer server;
    private static Map<String, String> protectedBefore;
    @BeforeContainer
    static void start() throws Exception {
        base = Files.createTempDirectory("ftpkit-fuzz");
        root = Files.createDirectories(base.resolve("root"));
        Files.createDirectories(root.resolve("rw"));
        Files.createDirectories(root.resolve("ro/sub"));
        Files.writeString(root.resolve("ro/file.txt"), "read only");
        Files.writeString(root.resolve("top.txt"), "top");
        Authenticator users = InMemoryUsers.builder().iterations(1_000)
                .user("fuzz", "pw", new Account("fuzz", "/rw", Permission.all()))
                .build().orElse(Authenticator.anonymous(Permission.readOnly()));
        server = Security.server(root).authenticator(users).dataTimeout(Duration.ofMillis(300))
                .loginFailureDelay(Duration.ZERO).lineTimeout(Duration.ofSeconds(5)).build().start();
        protectedBefore = protectedTree();
    }

    @AfterContainer
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        try (var paths = Files.walk(base)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Everything but the writable home. */
    private static Map<String, String> protectedTree() throws IOException {
        Map<String, String> tree = Security.snapshot(root);
        tree.keySet().removeIf(k -> k.startsWith("rw/"));
        return tree;
    }

    @Provide
    Arbitrary<List<String>> sessions() {
        Arbitrary<String> verb = Arbitraries.oneOf(Arbitraries.of(VERBS),
                Arbitraries.of(VERBS).map(v -> v.toLowerCase(java.util.Locale.ROOT)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> argument = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of("/", "..", "../..", "/../..", "ro", "ro/file.txt", "/ro/sub", "top.txt", "../top.txt",
                        "*", "a*a*a*a*b", "{a,b}{c,d}", "-la", "-a *", "x", "rw", "../rw/x", "~", "%2e%2e",
                        "127,0,0,1,4,1", "10,0,0,1,0,21", "|1|127.0.0.1|1025|", "|2|::1|80|", "ALL", "1", "-1",
                        "99999999999999999999", "A", "I", "E", "L 8", "UTF8 ON", "CHMOD 777 x", "HELP", "pw",
                        "fuzz", "anonymous", "SHA-256", "MD5 top.txt", "20200101000000 x", "fuzz pw"),
                Arbitraries.strings().ofMaxLength(60).map(s -> s.replace("\r", "").replace("\n", "")),
                Arbitraries.strings().withChars("./\\*?%{}[]\"' ab").ofMaxLength(40));
        Arbitrary<String> command = Combinators.combine(verb, argument)
                .as((v, a) -> a.isEmpty() ? v : v + " " + a);
        Arbitrary<List<String>> login = Arbitraries.of(List.of(), List.of("USER fuzz", "PASS pw"),
                List.of("USER anonymous", "PASS x@y"), List.of("USER fuzz", "PASS wrong"));
        return Combinators.combine(login, command.list().ofMinSize(1).ofMaxSize(12)).as((l, c) -> {
            List<String> all = new ArrayList<>(l);
            all.addAll(c);
            return all;
        });
    }

    // RFC 959 §4.2: one well-formed reply per command, whatever the command; nothing outside /rw changes
    @Property(tries = 200)
    void randomCommandSequencesGetWellFormedRepliesAndWriteOnlyWhereAllowed(@ForAll("sessions") List<String> commands)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            assertThat(readReply(in)).startsWith("220");
            String last = "220";
            boolean closed = false;
            for (String command : commands) {
                try {
                    socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                String reply = readReply(in);
                if (reply == null) {
                    closed = true;
                    break;
                }
                if (reply.startsWith("150") || reply.startsWith("125")) {
                    reply = readReply(in); // the transfer's final reply (no data connection: it fails fast)
                    assertThat(reply).as("after 1xx to %s", command).isNotNull();
                }
                // 451 "Local error in processing" is what an unexpected handler exception becomes
                assertThat(reply).as("reply to %s", command).doesNotStartWith("451");
                last = reply;
            }
            if (closed) {
                assertThat(last).as("a session closes only after QUIT, a login failure or 421").matches("(221|530|421).*");
            } else {
                socket.getOutputStream().write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
                String noop = readReply(in);
                if (noop != null) {
                    assertThat(noop).matches("(200|421|221|530).*");
                } else {
                    assertThat(last).matches("(221|530|421).*");
                }
            }
        }
        Security.bystanderIsServedAs(server, "anonymous", "x@y");
        assertThat(protectedTree()).isEqualTo(protectedBefore);
    }

    /** Reads one reply and checks its form; null at end of stream. */
    private static String readReply(InputStream in) throws IOException {
        String first = readLine(in);
        if (first == null) {
            return null;
        }
        assertThat(first).as("first reply line").matches(FIRST);
        if (first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            for (int i = 0; i < 100_000; i++) {
                String line = readLine(in);
                assertThat(line).as("multi-line reply ended early").isNotNull();
                if (line.startsWith(end)) {
                    return first;
                }
            }
            throw new AssertionError("endless multi-line reply");
        }
        return first;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketException reset) {
                return null;
            }
            if (b < 0) {
                return line.size() == 0 ? null : fail("reply line without CRLF: " + line);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                assertThat(text).as("reply line ends with CRLF").endsWith("\r");
                String body = text.substring(0, text.length() - 1);
                assertThat(body).as("no bare CR inside a reply line").doesNotContain("\r");
                return body;
            }
            line.write(b);
            assertThat(line.size()).as("reply line length").isLessThan(100_000);
        }
    }

    private static String fail(String message) {
        throw new AssertionError(message);
    }
}
