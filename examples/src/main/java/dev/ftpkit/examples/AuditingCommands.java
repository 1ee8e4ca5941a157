package dev.ftpkit.examples;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpSession;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A decorator around every command of a registry, built-ins included: each handler gets a context that records
 * which paths it resolved or located, and each command leaves one audit line (session, user, command, paths,
 * reply code).
 * The context is a {@link Proxy} forwarding every call, which works because the built-ins use nothing but
 * {@link CommandContext}.
 */
public final class AuditingCommands {

    private AuditingCommands() {
    }

    /**
     * Wraps every verb and SITE subcommand of the registry.
     *
     * @param registry the commands, e.g. {@link CommandRegistry#standard()}; changed in place
     * @param audit    gets one line per command, e.g. {@code "7 alice STOR [/in/a.csv] 226"}
     * @return the same registry
     */
    public static CommandRegistry wrapAll(CommandRegistry registry, Consumer<String> audit) {
        for (String verb : List.copyOf(registry.verbs())) {
            registry.register(verb, audited(registry.get(verb).orElseThrow(), audit));
        }
        for (String name : List.copyOf(registry.siteVerbs())) {
            registry.registerSite(name, audited(registry.getSite(name).orElseThrow(), audit));
        }
        return registry;
    }

    private static CommandDescriptor audited(CommandDescriptor builtIn, Consumer<String> audit) {
        return builtIn.withHandler((command, context) -> {
            List<String> paths = Collections.synchronizedList(new ArrayList<>());
            String outcome = "failed";
            try {
                Reply reply = builtIn.handler().handle(command, recordingPaths(context, paths));
                outcome = Integer.toString(reply.code().value());
                return reply;
            } catch (FtpReplyException refused) {
                outcome = Integer.toString(refused.code());
                throw refused;
            } finally {
                audit.accept(context.id() + " " + user(context) + " " + command.verb() + " " + paths + " " + outcome);
            }
        });
    }

    /** A context that forwards every call and notes the path of each {@code resolve} and {@code locate}. */
    private static CommandContext recordingPaths(CommandContext context, List<String> paths) {
        InvocationHandler forward = (proxy, method, args) -> {
            try {
                Object result = method.invoke(context, args);
                if (method.getName().equals("resolve") || method.getName().equals("locate")) {
                    paths.add(context.ftpPath((String) args[0])); // found: the path is inside the home
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (CommandContext) Proxy.newProxyInstance(CommandContext.class.getClassLoader(),
                new Class<?>[] {CommandContext.class}, forward);
    }

    private static String user(FtpSession session) {
        return session.account().map(account -> account.name()).orElse("-");
    }
}
