package dev.ftpkit.testing.internal;

import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.DataConnections;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Future;

/**
 * A command context whose data connections carry a fault: the built-in transfer handlers open their connection
 * through {@link CommandContext#openDataConnection} or {@link CommandContext#dataConnections()}, so a context that
 * delegates everything else (a dynamic proxy, as the context's documentation invites) is all it takes.
 */
final class FaultyContexts {

    private FaultyContexts() {
    }

    static CommandContext withDataFault(CommandContext context, DataFault fault, Future<?> giveUp) {
        DataConnections connections = proxy(DataConnections.class, context.dataConnections(), fault, giveUp);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("dataConnections") && method.getParameterCount() == 0) {
                return connections;
            }
            return wrapData(invoke(method, context, args), fault, giveUp);
        };
        return (CommandContext) Proxy.newProxyInstance(CommandContext.class.getClassLoader(),
                new Class<?>[] {CommandContext.class}, handler);
    }

    private static <T> T proxy(Class<T> type, T target, DataFault fault, Future<?> giveUp) {
        InvocationHandler handler = (proxy, method, args) -> wrapData(invoke(method, target, args), fault, giveUp);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object wrapData(Object result, DataFault fault, Future<?> giveUp) {
        return result instanceof DataConnection connection
                ? new FaultyDataConnection(connection, fault, giveUp) : result;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
