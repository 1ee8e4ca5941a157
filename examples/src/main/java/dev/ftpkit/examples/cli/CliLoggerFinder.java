package dev.ftpkit.examples.cli;

import java.util.Objects;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command line's {@link System.LoggerFinder} (registered in {@code META-INF/services}): it keeps
 * java.util.logging, the JDK's default backend, out of a command's start-up until something is logged.
 *
 * <p>Why: with the JDK's own finder, the library's first {@code System.getLogger} makes a java.util.logging logger,
 * which reads the logging configuration and sets up the log manager. That took 15 ms of a 0.23 s one-byte
 * {@code ftpkit put} (Java 17, with the class-data archive), all of it before the first byte, and the command
 * usually logs nothing. The loggers here answer {@link #isLoggable} as java.util.logging's default configuration
 * does (INFO and above) without loading it, and hand a message that passes on to java.util.logging, which prints
 * it as before. Once java.util.logging decides (a configuration given with {@code -Djava.util.logging.config.file}
 * or {@code .class}, or a {@code -v} transcript that turned levels down through it: {@link #handOverToJul}), every
 * question goes to it.
 */
public final class CliLoggerFinder extends System.LoggerFinder {

    /** The JDK's default java.util.logging configuration logs INFO and above (its root logger's level). */
    private static final int DEFAULT_THRESHOLD = System.Logger.Level.INFO.getSeverity();

    /**
     * Whether java.util.logging answers every question. The finder is the JVM's single one (the JDK creates it
     * once, from the service file), so this is the one switch a {@code -v} transcript has to turn.
     */
    private volatile boolean julDecides = System.getProperty("java.util.logging.config.file") != null
            || System.getProperty("java.util.logging.config.class") != null;

    /** Made by {@link java.util.ServiceLoader}. */
    public CliLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new CliLogger(Objects.requireNonNull(name), this);
    }

    /** From now on java.util.logging decides what is logged (its levels were changed, e.g. by {@code -v}). */
    public void handOverToJul() {
        julDecides = true;
    }

    /** {@link #handOverToJul()} on the JVM's finder when it is this class (not with another backend installed). */
    static void handOverToJulIfInstalled() {
        if (System.LoggerFinder.getLoggerFinder() instanceof CliLoggerFinder finder) {
            finder.handOverToJul();
        }
    }

    boolean julDecides() {
        return julDecides;
    }

    /** A logger that makes its java.util.logging counterpart only when it has something to pass on or ask. */
    private static final class CliLogger implements System.Logger {

        private final String name;
        private final CliLoggerFinder finder;

        CliLogger(String name, CliLoggerFinder finder) {
            this.name = name;
            this.finder = finder;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            if (finder.julDecides()) {
                return Logger.getLogger(name).isLoggable(julLevel(level));
            }
            return level.getSeverity() >= DEFAULT_THRESHOLD;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, message);
                record.setThrown(thrown);
                Logger.getLogger(name).log(record);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, format);
                record.setParameters(params);
                Logger.getLogger(name).log(record);
            }
        }

        private LogRecord record(Level level, ResourceBundle bundle, String message) {
            LogRecord record = new LogRecord(julLevel(level), message);
            record.setLoggerName(name);
            record.setResourceBundle(bundle);
            // java.util.logging would name this class as the caller: name the library's frame instead
            StackWalker.getInstance().walk(frames -> frames
                    .filter(frame -> !frame.getClassName().equals(CliLogger.class.getName())
                            && !frame.getClassName().startsWith("java.lang.System$Logger"))
                    .findFirst()).ifPresent(caller -> {
                        record.setSourceClassName(caller.getClassName());
                        record.setSourceMethodName(caller.getMethodName());
                    });
            return record;
        }
    }

    /** A System.Logger level as java.util.logging's, mapped as the JDK's own bridge maps them. */
    private static java.util.logging.Level julLevel(System.Logger.Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }
}
