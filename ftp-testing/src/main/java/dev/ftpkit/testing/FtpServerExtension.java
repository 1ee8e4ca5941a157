package dev.ftpkit.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JUnit 5 extension that runs a {@link FtpTestServer} for tests, hands it (or its {@link Transcript}) to them as a
 * parameter and, when a test fails, adds the server's transcript to the failure message.
 *
 * <p>One server for all tests of a class, when registered on the class: {@code @ExtendWith} on the class, or a
 * {@code static} field.
 * <pre>{@code
 * @ExtendWith(FtpServerExtension.class)
 * class UploaderTest {
 *     @Test
 *     void uploads(FtpTestServer server) { ... }
 * }
 * }</pre>
 * A fresh server for each test, when registered on an instance field (or with {@code @ExtendWith} on a method):
 * <pre>{@code
 * @RegisterExtension
 * final FtpServerExtension ftp = FtpServerExtension.with(() -> FtpTestServer.builder().user("u", "p"));
 * }</pre>
 * Needs {@code junit-jupiter-api} (an optional dependency of this module).
 */
// JUnit's types in this class's API come from an optional dependency, on purpose not re-exported (see module-info)
@SuppressWarnings("exports")
public final class FtpServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            FtpServerExtension.class);
    private static final String SERVER = "server";

    private final Supplier<FtpTestServerBuilder> setUp;

    /** An extension whose servers have the defaults of {@link FtpTestServer#builder()} (for {@code @ExtendWith}). */
    public FtpServerExtension() {
        this(FtpTestServer::builder);
    }

    private FtpServerExtension(Supplier<FtpTestServerBuilder> setUp) {
        this.setUp = setUp;
    }

    /**
     * An extension whose servers are set up by {@code setUp}, called for each server it starts.
     *
     * @param setUp makes the builder of each server
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static FtpServerExtension with(Supplier<FtpTestServerBuilder> setUp) {
        return new FtpServerExtension(Objects.requireNonNull(setUp, "setUp"));
    }

    /**
     * Starts the class's server: called only when the extension is registered on the class ({@code @ExtendWith} or
     * a static field), so the server lives as long as the class's tests.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SERVER, new Running(start()));
    }

    /**
     * Starts the test's server unless the class has one.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (find(context) == null) {
            context.getStore(NAMESPACE).put(SERVER, new Running(start()));
        }
    }

    /**
     * Stops the test's own server (not the class's).
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        stopOwn(context);
    }

    /**
     * Stops the class's server.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        stopOwn(context);
    }

    /** Removes and stops the server of this context's own store; a parent's stays. */
    private static void stopOwn(ExtensionContext context) {
        Running own = context.getStore(NAMESPACE).remove(SERVER, Running.class);
        if (own != null) {
            own.server.close();
        }
    }

    /**
     * Whether the parameter is a {@link FtpTestServer} or a {@link Transcript}.
     *
     * @param parameter the parameter
     * @param context   the context
     * @return true for the types this extension injects
     */

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FtpTestServer.class || type == Transcript.class;
    }

    /**
     * The running server, or its transcript.
     *
     * @param parameter the parameter
     * @param context   the context
     * @return the server or transcript
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = find(context);
        if (running == null) {
            // a parameter of a @BeforeAll method of a class whose servers are per test: start the class's own
            running = new Running(start());
            context.getStore(NAMESPACE).put(SERVER, running);
        }
        return parameter.getParameter().getType() == Transcript.class ? running.server.transcript() : running.server;
    }

    /**
     * Adds the transcript of the server to a failing test's message: the failure is rethrown as an
     * {@link AssertionError} whose message is the original message followed by the transcript, with the original as
     * its cause. An aborted test (a failed assumption) is passed on unchanged.
     *
     * @param context   the test's context
     * @param throwable what the test threw
     * @throws Throwable the failure with the transcript
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Running running = find(context);
        if (running == null || throwable instanceof TestAbortedException) {
            throw throwable;
        }
        AssertionError withTranscript = new AssertionError(throwable.getMessage() + "\n\nFTP transcript of "
                + running.server + ":\n" + running.server.transcript(), throwable);
        throw withTranscript;
    }

    private static Running find(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SERVER, Running.class);
    }

    private FtpTestServer start() {
        try {
            return setUp.get().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the FTP test server", e);
        }
    }

    /** A server in a JUnit store, stopped when its scope ends. */
    private record Running(FtpTestServer server) {
    }
}
