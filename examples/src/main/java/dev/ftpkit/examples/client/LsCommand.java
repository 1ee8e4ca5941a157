package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.RemoteNames;
import dev.ftpkit.core.list.ListEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/** {@code ls URL}: one name per line; {@code --long}: type, size, modification time, name. */
public final class LsCommand extends ClientCommand {

    /** Creates the subcommand. */
    public LsCommand() {
        super("ls", "URL", "list a directory, one name per line", Set.of("--long"), 1, 1);
    }

    @Override
    int urlIndex() {
        return 0;
    }

    @Override
    void execute(FtpClient client, Invocation invocation) throws IOException {
        PrintStream out = invocation.io().out();
        for (ListEntry entry : client.list(invocation.url().path())) {
            if (!entry.isParsed()) {
                // Nothing is dropped: a line no parser understood is shown as the server sent it.
                out.println(RemoteNames.printable(entry.rawLine()));
            } else if (invocation.options().longFormat()) {
                out.println(String.format(Locale.ROOT, "%-9s %12s %-20s %s",
                        entry.type().name().toLowerCase(Locale.ROOT),
                        entry.size().isPresent() ? Long.toString(entry.size().getAsLong()) : "-",
                        entry.modified().map(Object::toString).orElse("-"),
                        RemoteNames.printable(entry.name())));
            } else {
                // Bytes the encoding does not decode are shown as \xHH (the entry itself keeps them).
                out.println(RemoteNames.printable(entry.name()));
            }
        }
        out.flush();
    }
}
