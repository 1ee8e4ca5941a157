package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.examples.UsageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code get URL [LOCAL]}: downloads a file; LOCAL {@code -} is stdout, default the remote base name. */
public final class GetCommand extends ClientCommand {

    /** Creates the subcommand. */
    public GetCommand() {
        super("get", "URL [LOCAL]", "download a file (LOCAL '-' = stdout; default: the remote file's name)",
                Set.of("--resume", "--ascii"), 1, 2);
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
        if (local.equals("-")) {
            if (invocation.options().resume()) {
                throw new UsageException("--resume needs a local file, not stdout");
            }
            client.retrieve(url.path(), invocation.io().out());
            invocation.io().out().flush();
            return;
        }
        Path target = Path.of(local);
        if (invocation.options().resume()) {
            client.resumeRetrieve(url.path(), target);
        } else {
            client.retrieve(url.path(), target);
        }
    }
}
