package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.sync.SegmentedDownload;
import dev.ftpkit.examples.UsageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** {@code get URL [LOCAL]}: downloads a file; LOCAL {@code -} is stdout, default the remote base name. */
public final class GetCommand extends ClientCommand {

    /** Creates the subcommand. */
    public GetCommand() {
        super("get", "URL [LOCAL]", "download a file (LOCAL '-' = stdout; default: the remote file's name)",
                Set.of("--resume", "--ascii"), 1, 2,
                EnumSet.of(SyncOptions.Option.SEGMENTS, SyncOptions.Option.RETRY));
    }

    @Override
    int urlIndex() {
        return 0;
    }

    @Override
    boolean transfers() {
        return true;
    }

    @Override
    void execute(FtpClient client, Invocation invocation) throws IOException, UsageException {
        FtpUrl url = invocation.url();
        if (url.isDirectory()) {
            throw new UsageException("the URL names a directory, not a file: " + url.path());
        }
        String local = invocation.options().positional().size() > 1 ? invocation.arg(1) : url.baseName();
        if (local.equals("-") && (sync().segments() > 0 || sync().retry() > 0)) {
            throw new UsageException("--segments and --retry need a local file, not stdout");
        }
        if (local.equals("-")) {
            if (invocation.options().resume()) {
                throw new UsageException("--resume needs a local file, not stdout");
            }
            client.retrieve(url.path(), invocation.io().out());
            invocation.io().out().flush();
            return;
        }
        Path target = Path.of(local);
        if (sync().segments() > 0 || sync().retry() > 0) {
            // The download opens its own connections; this one would only idle (and might time out) meanwhile.
            client.quit();
            segmented(invocation, target);
            return;
        }
        if (invocation.options().resume()) {
            client.resumeRetrieve(url.path(), target);
        } else {
            client.retrieve(url.path(), target);
        }
    }

    /** {@code --segments N} or {@code --retry N}: byte ranges on N connections, resumable through a sidecar file. */
    private void segmented(Invocation invocation, Path target) throws IOException, UsageException {
        if (invocation.options().ascii() || invocation.options().resume() || invocation.options().modeZ()) {
            // byte ranges start with REST, which MODE Z refuses
            throw new UsageException("--segments and --retry download in binary and resume by themselves:"
                    + " leave out --ascii, --resume and --mode-z");
        }
        SegmentedDownload.builder(endpoint(invocation), invocation.url().path(), target)
                .segments(Math.max(1, sync().segments()))
                .retry(sync().retryPolicy())
                .listener(invocation.progress() == null ? TransferListener.NONE : invocation.progress())
                .build()
                .run();
    }
}
