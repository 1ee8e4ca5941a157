package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.examples.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** {@code put LOCAL URL}: uploads a file; a URL ending in {@code /} means into that directory. */
public final class PutCommand extends ClientCommand {

    /** Creates the subcommand. */
    public PutCommand() {
        super("put", "LOCAL URL", "upload a file (LOCAL '-' = stdin; a URL ending in / = into that directory)",
                Set.of("--resume", "--append", "--ascii"), 2, 2, EnumSet.of(SyncOptions.Option.RETRY));
    }


    @Override
    int urlIndex() {
        return 1;
    }

    @Override
    boolean transfers() {
        return true;
    }

    @Override
    void execute(FtpClient client, Invocation invocation) throws IOException, UsageException {
        String local = invocation.arg(0);
        FtpUrl url = invocation.url();
        if (sync().retry() > 0 && (local.equals("-") || invocation.options().append())) {
            throw new UsageException("--retry needs a local file and no --append: stdin cannot be read twice, and"
                    + " appending again would append twice");
        }
        if (local.equals("-")) {
            if (url.isDirectory()) {
                throw new UsageException("uploading stdin needs a file name in the URL");
            }
            if (invocation.options().resume()) {
                throw new UsageException("--resume needs a local file, not stdin");
            }
            if (invocation.options().append()) {
                client.append(invocation.io().in(), url.path());
            } else {
                client.store(invocation.io().in(), url.path());
            }
            return;
        }
        Path source = Path.of(local);
        if (!Files.isRegularFile(source)) {
            throw new LocalFileException("local file " + local + ": "
                    + (Files.exists(source) ? "not a regular file" : "no such file or directory"));
        }
        String remote = url.isDirectory() ? url.path() + source.getFileName() : url.path();
        if (sync().retry() > 0) {
            uploadWithRetry(client, invocation, source, remote);
        } else if (invocation.options().append()) {
            client.append(source, remote);
        } else if (invocation.options().resume()) {
            client.resumeStore(source, remote);
        } else {
            client.store(source, remote);
        }
    }

    /**
     * {@code --retry N}: after a transient failure, connects again and uploads again: the whole file, or with
     * {@code --resume} only what the server lacks (the first attempt resumes too).
     */
    private void uploadWithRetry(FtpClient first, Invocation invocation, Path source, String remote)
            throws IOException, UsageException {
        FtpEndpoint endpoint = endpoint(invocation);
        FtpClient[] current = {first};
        try {
            sync().retryPolicy().run(attempt -> {
                if (!current[0].isConnected()) {
                    current[0] = invocation.progress() == null ? endpoint.connect()
                            : endpoint.connect(invocation.progress());
                }
                return invocation.options().resume() ? current[0].resumeStore(source, remote)
                        : current[0].store(source, remote);
            });
        } finally {
            if (current[0] != first) {
                current[0].close();
            }
        }
    }
}
