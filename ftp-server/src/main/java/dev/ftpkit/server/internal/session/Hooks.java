package dev.ftpkit.server.internal.session;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.CommandVerdict;
import dev.ftpkit.server.FileRequest;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerHook;
import dev.ftpkit.server.UploadEvent;
import dev.ftpkit.server.Verdict;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The server's {@link ServerHook}s, asked in order: the first denial wins, reply rewrites compose. A hook (or a
 * rewrite) that throws or returns null becomes a {@link HookFailedException} (451 for the command at hand).
 */
final class Hooks {

    private final List<ServerHook> hooks;

    Hooks(List<ServerHook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** The verdict on a command: a denial, or the composed rewrite of its final reply. */
    CommandVerdict beforeCommand(FtpSession session, Command command) {
        UnaryOperator<Reply> rewrite = UnaryOperator.identity();
        for (ServerHook hook : hooks) {
            CommandVerdict verdict = call("beforeCommand", () -> hook.beforeCommand(session, command));
            if (verdict.denial().isPresent()) {
                return verdict;
            }
            UnaryOperator<Reply> before = rewrite;
            UnaryOperator<Reply> next = verdict.rewrite();
            if (next != UnaryOperator.<Reply>identity()) {
                rewrite = reply -> {
                    Reply earlier = before.apply(reply);
                    return call("beforeCommand rewrite", () -> next.apply(earlier));
                };
            }
        }
        return rewrite == UnaryOperator.<Reply>identity() ? CommandVerdict.allow() : CommandVerdict.rewriteReply(rewrite);
    }

    void beforeLogin(InetSocketAddress client, String user) throws FtpReplyException {
        for (ServerHook hook : hooks) {
            deny(call("beforeLogin", () -> hook.beforeLogin(client, user)).denial());
        }
    }

    void beforeFileOperation(FtpSession session, FileRequest request) throws FtpReplyException {
        for (ServerHook hook : hooks) {
            deny(call("beforeFileOperation", () -> hook.beforeFileOperation(session, request)).denial());
        }
    }

    void afterUpload(FtpSession session, UploadEvent event) {
        for (ServerHook hook : hooks) {
            call("afterUpload", () -> {
                hook.afterUpload(session, event);
                return Verdict.allow();
            });
        }
    }

    private static void deny(Optional<Reply> denial) throws FtpReplyException {
        if (denial.isPresent()) {
            throw new FtpReplyException(denial.get());
        }
    }

    /** One hook call; what it throws, or a null verdict, is a hook failure. */
    private static <T> T call(String method, HookCall<T> call) {
        T result;
        try {
            result = call.run();
        } catch (Exception | LinkageError | AssertionError e) {
            throw new HookFailedException(method, e);
        }
        if (result == null) {
            throw new HookFailedException(method, new NullPointerException(method + " returned no verdict"));
        }
        return result;
    }

    @FunctionalInterface
    private interface HookCall<T> {
        T run() throws Exception;
    }
}
