package dev.ftpkit.testing;

import dev.ftpkit.core.Command;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults injected into one {@link FtpTestServer}: every verb's handler is wrapped once, at build time, and asks
 * the plan at each command whether a fault strikes. Commands are counted per session as they arrive.
 */
final class FaultPlan implements ServerListener {

    /** A fault and how many more times it strikes (-1: always). */
    private static final class Armed {
        final Fault fault;
        final AtomicInteger left;

        Armed(Fault fault) {
            this.fault = fault;
            this.left = new AtomicInteger(fault.times());
        }

        /** Takes one strike, false if none is left. */
        boolean take() {
            return left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
        }
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> commandCounts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> giveUps = new ConcurrentHashMap<>();
    private volatile boolean closed;

    void inject(Fault fault) {
        armed.add(new Armed(fault));
    }

    void clear() {
        armed.clear();
    }

    /** The registry with every verb running through this plan. */
    CommandRegistry wrap(CommandRegistry registry) {
        CommandRegistry wrapped = registry.copy();
        for (String verb : registry.verbs()) {
            CommandDescriptor descriptor = registry.get(verb).orElseThrow();
            wrapped.register(verb, descriptor.withHandler((command, context) -> {
                Fault fault = strikes(command, context, descriptor.transfer());
                return fault == null ? descriptor.handler().handle(command, context)
                        : fault.action().apply(command, context, descriptor.handler(), giveUp(context.id()));
            }));
        }
        return wrapped;
    }

    private Fault strikes(Command command, CommandContext context, boolean transfer) {
        int number = commandCounts.computeIfAbsent(context.id(), id -> new AtomicInteger()).get();
        for (Armed a : armed) {
            if (a.fault.matches(command.verb(), number, transfer) && a.take()) {
                return a.fault;
            }
        }
        return null;
    }

    private CompletableFuture<Void> giveUp(String session) {
        CompletableFuture<Void> future = giveUps.computeIfAbsent(session, id -> new CompletableFuture<>());
        if (closed) {
            future.complete(null);
        }
        return future;
    }

    @Override
    public void commandReceived(FtpSession session, Command command) {
        commandCounts.computeIfAbsent(session.id(), id -> new AtomicInteger()).incrementAndGet();
        if (command.verb().equals("ABOR")) {
            giveUp(session.id()).complete(null);
            giveUps.remove(session.id());
        }
    }

    @Override
    public void disconnected(FtpSession session) {
        commandCounts.remove(session.id());
        CompletableFuture<Void> future = giveUps.remove(session.id());
        if (future != null) {
            future.complete(null);
        }
    }

    /** Ends every stall: the server is closing. */
    void close() {
        closed = true;
        giveUps.values().forEach(f -> f.complete(null));
    }
}
