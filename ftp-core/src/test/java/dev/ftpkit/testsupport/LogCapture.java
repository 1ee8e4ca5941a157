package dev.ftpkit.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the messages of one {@link System.Logger} name at DEBUG and above, through java.util.logging (the JDK's
 * default System.Logger backend), and puts the logger back as it was on {@link #close()}.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String name) {
        // a strong reference: java.util.logging holds loggers weakly and would forget the level
        this.logger = Logger.getLogger(name);
        this.previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
    }

    /** Starts capturing the named logger's messages at DEBUG (java.util.logging FINE) and above. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The messages so far, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
