package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.sync.Mirror;
import dev.ftpkit.client.sync.MirrorResult;
import dev.ftpkit.examples.UsageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code mirror URL LOCALDIR}: makes LOCALDIR equal to the remote tree; {@code mirror --reverse LOCALDIR URL}
 * uploads. Options: see {@link SyncOptions.Option}.
 */
public final class MirrorCommand extends ClientCommand {

    private static final Set<SyncOptions.Option> OPTIONS = EnumSet.of(SyncOptions.Option.REVERSE,
            SyncOptions.Option.DELETE, SyncOptions.Option.DRY_RUN, SyncOptions.Option.PARALLEL,
            SyncOptions.Option.EXCLUDE, SyncOptions.Option.VERIFY, SyncOptions.Option.RETRY);

    /** Creates the subcommand. */
    public MirrorCommand() {
        super("mirror", "URL LOCALDIR | mirror --reverse LOCALDIR URL",
                "make LOCALDIR equal to the remote tree (--reverse: the remote tree equal to LOCALDIR)",
                Set.of(), 2, 2, OPTIONS);
    }

    @Override
    int urlIndex() {
        return sync().reverse() ? 1 : 0;
    }

    @Override
    void execute(FtpClient client, Invocation invocation) throws IOException, UsageException {
        // The mirror opens its own connections; this one (which checked the login) would only idle meanwhile.
        client.quit();
        Path local = Path.of(invocation.arg(sync().reverse() ? 0 : 1));
        String remote = invocation.url().path();
        Mirror.Builder builder = sync().reverse() ? Mirror.upload(endpoint(invocation), local, remote)
                : Mirror.download(endpoint(invocation), remote, local);
        MirrorReport report = new MirrorReport(invocation.io(), invocation.options().quiet(), sync().dryRun());
        builder.delete(sync().delete()).dryRun(sync().dryRun()).verify(sync().verify()).parallelism(sync().parallel())
                .retry(sync().retryPolicy()).listener(report);
        for (String glob : sync().excludes()) {
            builder.exclude(glob);
        }
        MirrorResult result = builder.build().run();
        report.summary(result);
        if (!result.isComplete()) {
            throw result.failures().get(0).error();
        }
    }
}
