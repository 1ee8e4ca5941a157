package dev.ftpkit.examples.client;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.examples.UsageException;

import java.io.IOException;
import java.util.Set;

/** The one-command subcommands: {@code rm}, {@code mkdir}, {@code rmdir}, {@code mv}. */
public final class SimpleCommand extends ClientCommand {

    /** What a simple subcommand does with the URL's path and its other arguments. */
    @FunctionalInterface
    private interface Action {
        void apply(FtpClient client, String path, Invocation invocation) throws IOException, UsageException;
    }

    private final Action action;

    private SimpleCommand(String name, String usage, String description, int args, Action action) {
        super(name, usage, description, Set.of(), args, args);
        this.action = action;
    }

    /**
     * {@code rm URL}: deletes a file (DELE).
     *
     * @return the subcommand
     */
    public static SimpleCommand rm() {
        return new SimpleCommand("rm", "URL", "delete a file", 1,
                (client, path, invocation) -> client.delete(path));
    }

    /**
     * {@code mkdir URL}: creates a directory (MKD).
     *
     * @return the subcommand
     */
    public static SimpleCommand mkdir() {
        return new SimpleCommand("mkdir", "URL", "create a directory", 1,
                (client, path, invocation) -> client.makeDirectory(stripSlash(path)));
    }

    /**
     * {@code rmdir URL}: removes a directory (RMD).
     *
     * @return the subcommand
     */
    public static SimpleCommand rmdir() {
        return new SimpleCommand("rmdir", "URL", "remove an empty directory", 1,
                (client, path, invocation) -> client.removeDirectory(stripSlash(path)));
    }

    /**
     * {@code mv URL NEWNAME}: renames (RNFR/RNTO); a NEWNAME without a leading {@code /} is in the same directory.
     *
     * @return the subcommand
     */
    public static SimpleCommand mv() {
        return new SimpleCommand("mv", "URL NEWNAME", "rename (NEWNAME relative to the URL's directory)", 2,
                (client, path, invocation) -> {
                    String target = invocation.arg(1);
                    if (!target.startsWith("/")) {
                        int slash = stripSlash(path).lastIndexOf('/');
                        target = (slash < 0 ? "" : path.substring(0, slash + 1)) + target;
                    }
                    client.rename(stripSlash(path), target);
                });
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    int urlIndex() {
        return 0;
    }

    @Override
    void execute(FtpClient client, Invocation invocation) throws IOException, UsageException {
        String path = invocation.url().path();
        if (path.isEmpty()) {
            throw new UsageException("the URL needs a path");
        }
        action.apply(client, path, invocation);
    }
}
