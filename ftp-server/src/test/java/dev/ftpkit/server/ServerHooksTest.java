package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ServerHook}s with the ftpkit client: each veto point, the upload event, hooks and listeners that throw. */
class ServerHooksTest {

    @TempDir
    Path root;

    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private FtpClient connect(ServerHook hook) throws IOException {
        server = TestServers.builder(root).hook(hook).build().start();
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build().connect("127.0.0.1", server.port());
    }

    private static int codeOf(ThrowingCall call) {
        try {
            call.run();
        } catch (IOException e) {
            // a failed transfer is an FtpTransferException whose cause is the reply
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FtpReplyException reply) {
                    return reply.code();
                }
            }
            throw new AssertionError("not a reply: " + e, e);
        }
        throw new AssertionError("no negative reply");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws IOException;
    }

    @Test
    void beforeLoginHookDeniesAUserWithItsReplyAndSeesTheClientAddress() throws Exception {
        List<InetSocketAddress> clients = new CopyOnWriteArrayList<>();
        ServerHook hook = new ServerHook() {
            @Override
            public Verdict beforeLogin(InetSocketAddress client, String user) {
                clients.add(client);
                return user.equals(TestServers.USER) ? Verdict.allow() : Verdict.deny(530, "Not from here.");
            }
        };
        try (FtpClient client = connect(hook)) {
            assertThatThrownBy(() -> client.login("anonymous", "guest@"))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> {
                        assertThat(e.code()).isEqualTo(530);
                        assertThat(e.reply().text()).isEqualTo("Not from here.");
                    });

            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(client.workingDirectory()).isEqualTo("/");
        }
        assertThat(clients).extracting(a -> a.getAddress().getHostAddress()).containsExactly("127.0.0.1", "127.0.0.1");
    }

    @Test
    void beforeCommandHookDeniesOrRewritesTheReply() throws Exception {
        ServerHook hook = new ServerHook() {
            @Override
            public CommandVerdict beforeCommand(FtpSession session, Command command) {
                return switch (command.verb()) {
                    case "SYST" -> CommandVerdict.deny(Reply.of(550, "No system for you."));
                    case "NOOP" -> CommandVerdict.rewriteReply(reply -> Reply.of(reply.code().value(), "Rewritten."));
                    default -> CommandVerdict.allow();
                };
            }
        };
        try (FtpClient client = connect(hook)) {
            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(codeOf(client::system)).isEqualTo(550);
            assertThat(client.sendCommand("NOOP", "")).hasToString("200 Rewritten.");
            assertThat(client.workingDirectory()).isEqualTo("/");
        }
    }

    /** Refuses every operation on a path under /locked with 553, and records what it was asked. */
    private static final class LockedTree implements ServerHook {
        final List<FileRequest> asked = new CopyOnWriteArrayList<>();

        @Override
        public Verdict beforeFileOperation(FtpSession session, FileRequest request) {
            asked.add(request);
            boolean locked = request.path().startsWith("/locked") || request.target().orElse("").startsWith("/locked");
            return locked ? Verdict.deny(553, "Locked.") : Verdict.allow();
        }
    }

    @Test
    void fileOperationHookVetoesEachKindWithItsReplyAndLeavesTheFilesAlone() throws Exception {
        Files.createDirectories(root.resolve("locked/sub"));
        Files.writeString(root.resolve("locked/file.txt"), "kept");
        Files.writeString(root.resolve("free.txt"), "free");
        LockedTree hook = new LockedTree();
        try (FtpClient client = connect(hook)) {
            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(codeOf(() -> client.store(new ByteArrayInputStream(new byte[10]), "locked/new.bin")))
                    .isEqualTo(553);
            assertThat(codeOf(() -> client.retrieve("locked/file.txt", new ByteArrayOutputStream()))).isEqualTo(553);
            assertThat(codeOf(() -> client.delete("locked/file.txt"))).isEqualTo(553);
            assertThat(codeOf(() -> client.rename("free.txt", "locked/moved.txt"))).isEqualTo(553);
            assertThat(codeOf(() -> client.makeDirectory("locked/made"))).isEqualTo(553);
            assertThat(codeOf(() -> client.removeDirectory("locked/sub"))).isEqualTo(553);
            client.rename("free.txt", "still-free.txt");
            client.noop();
        }
        assertThat(Files.readString(root.resolve("locked/file.txt"))).isEqualTo("kept");
        assertThat(root.resolve("locked/new.bin")).doesNotExist();
        assertThat(root.resolve("locked/made")).doesNotExist();
        assertThat(root.resolve("locked/sub")).isDirectory();
        assertThat(root.resolve("still-free.txt")).hasContent("free");
        assertThat(hook.asked).extracting(FileRequest::operation).containsExactly(FileOperation.UPLOAD,
                FileOperation.DOWNLOAD, FileOperation.DELETE, FileOperation.RENAME, FileOperation.MAKE_DIRECTORY,
                FileOperation.REMOVE_DIRECTORY, FileOperation.RENAME);
        assertThat(hook.asked.get(3)).isEqualTo(FileRequest.rename("/free.txt", "/locked/moved.txt"));
    }

    @Test
    void afterUploadHookSeesTheCommittedFileBeforeTheClientGets226() throws Exception {
        List<UploadEvent> events = new CopyOnWriteArrayList<>();
        List<Long> sizesSeen = new CopyOnWriteArrayList<>();
        ServerHook hook = new ServerHook() {
            @Override
            public void afterUpload(FtpSession session, UploadEvent event) throws IOException {
                sizesSeen.add(Files.size(event.file()));
                events.add(event);
            }
        };
        Files.createDirectories(root.resolve("in"));
        try (FtpClient client = connect(hook)) {
            client.login(TestServers.USER, TestServers.PASSWORD);
            client.store(new ByteArrayInputStream(new byte[12_345]), "in/report.bin");
            client.append(new ByteArrayInputStream(new byte[5]), "in/report.bin");

            assertThat(events).hasSize(2);
        }
        assertThat(events).extracting(UploadEvent::verb).containsExactly("STOR", "APPE");
        assertThat(events).extracting(UploadEvent::path).containsOnly("/in/report.bin");
        assertThat(events).extracting(UploadEvent::bytes).containsExactly(12_345L, 5L);
        assertThat(events).allSatisfy(e -> assertThat(e.duration()).isPositive());
        assertThat(sizesSeen).containsExactly(12_345L, 12_350L);
    }

    @Test
    void aThrowingHookAnswers451AndTheSessionGoesOn() throws Exception {
        ServerHook hook = new ServerHook() {
            @Override
            public CommandVerdict beforeCommand(FtpSession session, Command command) {
                if (command.verb().equals("MDTM")) {
                    throw new IllegalStateException("hook bug");
                }
                if (command.verb().equals("SYST")) {
                    return CommandVerdict.rewriteReply(reply -> {
                        throw new IllegalStateException("rewrite bug");
                    });
                }
                return CommandVerdict.allow();
            }

            @Override
            public Verdict beforeFileOperation(FtpSession session, FileRequest request) throws IOException {
                if (request.operation() == FileOperation.DELETE) {
                    throw new IOException("policy service down");
                }
                return Verdict.allow();
            }

            @Override
            public void afterUpload(FtpSession session, UploadEvent event) {
                throw new IllegalStateException("scanner crashed");
            }
        };
        Files.writeString(root.resolve("a.txt"), "a");
        try (FtpClient client = connect(hook)) {
            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(codeOf(() -> client.modificationTime("a.txt"))).isEqualTo(451);
            assertThat(codeOf(client::system)).isEqualTo(451);
            assertThat(codeOf(() -> client.delete("a.txt"))).isEqualTo(451);
            assertThat(codeOf(() -> client.store(new ByteArrayInputStream("up".getBytes(StandardCharsets.US_ASCII)),
                    "up.txt"))).isEqualTo(451);
            client.noop();
            assertThat(client.size("a.txt")).isEqualTo(1);
        }
        assertThat(root.resolve("a.txt")).exists();
        assertThat(root.resolve("up.txt")).hasContent("up"); // committed before the hook ran: it stays
    }

    @Test
    void aThrowingLoginHookAnswers451AndTheSessionGoesOn() throws Exception {
        ServerHook hook = new ServerHook() {
            @Override
            public Verdict beforeLogin(InetSocketAddress client, String user) {
                if (user.equals("anonymous")) {
                    throw new IllegalStateException("hook bug");
                }
                return Verdict.allow();
            }
        };
        try (FtpClient client = connect(hook)) {
            assertThat(codeOf(() -> client.login("anonymous", "guest@"))).isEqualTo(451);

            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(client.workingDirectory()).isEqualTo("/");
        }
    }

    @Test
    void aThrowingListenerIsIgnoredAndTheSessionGoesOn() throws Exception {
        ServerListener broken = new ServerListener() {
            @Override
            public void connected(FtpSession session) {
                throw new IllegalStateException("listener bug on connect");
            }

            @Override
            public void loggedIn(FtpSession session, Account account) {
                throw new IllegalStateException("listener bug on login");
            }

            @Override
            public void commandHandled(FtpSession session, Command command, Reply reply) {
                throw new IllegalStateException("listener bug on " + command.verb());
            }

            @Override
            public void transferEnded(FtpSession session, TransferEvent event) {
                throw new IllegalStateException("listener bug after a transfer");
            }
        };
        Files.writeString(root.resolve("a.txt"), "content");
        server = TestServers.builder(root).listener(broken).build().start();
        try (FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build()
                .connect("127.0.0.1", server.port())) {
            client.login(TestServers.USER, TestServers.PASSWORD);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            client.retrieve("a.txt", back);
            client.noop();

            assertThat(back.toString(StandardCharsets.US_ASCII)).isEqualTo("content");
            assertThat(client.workingDirectory()).isEqualTo("/");
        }
    }
}
