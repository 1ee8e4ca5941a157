package dev.ftpkit.examples;

import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.FileRequest;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerHook;
import dev.ftpkit.server.Verdict;

import java.util.List;
import java.util.Locale;

/**
 * A veto hook: refuses uploads (and renames) to names with a forbidden extension, with
 * {@code 553 File name not allowed} (RFC 959 §4.2). Register it with {@code FtpServer.builder().hook(...)}.
 */
public final class UploadNamePolicy implements ServerHook {

    private final List<String> forbiddenExtensions;

    private UploadNamePolicy(List<String> forbiddenExtensions) {
        this.forbiddenExtensions = forbiddenExtensions;
    }

    /**
     * A policy refusing names that end with any of the extensions (compared case-insensitively).
     *
     * @param extensions e.g. {@code ".exe"}, {@code ".bat"}
     * @return the hook
     */
    public static UploadNamePolicy refusing(String... extensions) {
        return new UploadNamePolicy(List.of(extensions).stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public Verdict beforeFileOperation(FtpSession session, FileRequest request) {
        String newName = switch (request.operation()) {
            case UPLOAD -> request.path();
            case RENAME -> request.target().orElseThrow();
            default -> null;
        };
        if (newName == null || !forbidden(newName)) {
            return Verdict.allow();
        }
        return Verdict.deny(ReplyCodes.FILE_NAME_NOT_ALLOWED, "File name not allowed.");
    }

    private boolean forbidden(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return forbiddenExtensions.stream().anyMatch(lower::endsWith);
    }
}
