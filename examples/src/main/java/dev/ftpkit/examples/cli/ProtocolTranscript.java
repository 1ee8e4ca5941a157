package dev.ftpkit.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What {@code -v} does: shows the library's protocol transcript ({@code dev.ftpkit.client.protocol},
 * {@code dev.ftpkit.server.protocol}, ...) on a stream, one message per line, by turning those System.Logger
 * names to DEBUG in java.util.logging (the JDK's default backend). {@link #close()} puts them back.
 */
public final class ProtocolTranscript implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();
    /** Prints the named loggers' messages; null for {@link #none()}, which names none. */
    private final Handler handler;

    private ProtocolTranscript(Handler handler, List<String> names) {
        this.handler = handler;
        if (!names.isEmpty()) {
            // the command line's loggers answer java.util.logging's defaults until told it has the say
            CliLoggerFinder.handOverToJulIfInstalled();
        }
        for (String name : names) {
            // strong references: java.util.logging holds loggers weakly and would forget the level
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previous.add(logger.getLevel());
            logger.setLevel(Level.FINE);
            logger.addHandler(handler);
        }
    }

    private static Handler printingTo(PrintStream out) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                out.println(record.getMessage());
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
        handler.setLevel(Level.ALL);
        return handler;
    }

    /**
     * Starts showing the named loggers' DEBUG messages.
     *
     * @param out where to print them
     * @param loggerNames the System.Logger names
     * @return the transcript; close it to stop
     */
    public static ProtocolTranscript show(PrintStream out, String... loggerNames) {
        return new ProtocolTranscript(printingTo(out), List.of(loggerNames));
    }

    /**
     * A transcript that shows nothing, for when {@code -v} is not given. It leaves java.util.logging alone: a
     * handler, even an unused one, would start its log manager (see {@link CliLoggerFinder}).
     *
     * @return a transcript whose close does nothing
     */
    public static ProtocolTranscript none() {
        return new ProtocolTranscript(null, List.of());
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
