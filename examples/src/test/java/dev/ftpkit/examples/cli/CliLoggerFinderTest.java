package dev.ftpkit.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class CliLoggerFinderTest {

    /** A logger name of this test's own, so that levels set here touch no other test's loggers. */
    private static final String NAME = "dev.ftpkit.examples.cli.CliLoggerFinderTest.subject";

    private final Logger jul = Logger.getLogger(NAME);
    private final List<LogRecord> published = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CliLoggerFinderTest() {
        jul.addHandler(capture);
        jul.setUseParentHandlers(false); // the captured records only, not on the console too
    }

    @AfterEach
    void putTheLoggerBack() {
        jul.removeHandler(capture);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
    }

    @Test
    void theCommandLineRegistersItAsTheJvmsFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CliLoggerFinder.class);
    }

    @Test
    void untilHandedOverItAnswersJavaUtilLoggingsDefaultThresholdWithoutAskingIt() {
        System.Logger logger = new CliLoggerFinder().getLogger(NAME, getClass().getModule());
        jul.setLevel(Level.ALL); // java.util.logging would say yes to everything; the finder has not asked it

        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isFalse();
        assertThat(logger.isLoggable(System.Logger.Level.TRACE)).isFalse();
        assertThat(logger.isLoggable(System.Logger.Level.INFO)).isTrue();
        assertThat(logger.isLoggable(System.Logger.Level.ERROR)).isTrue();
        logger.log(System.Logger.Level.DEBUG, "not shown");
        assertThat(published).isEmpty();
    }

    @Test
    void aMessageThatPassesGoesToJavaUtilLoggingWithItsCallerAndLevel() {
        System.Logger logger = new CliLoggerFinder().getLogger(NAME, getClass().getModule());
        IllegalStateException cause = new IllegalStateException("boom");

        logger.log(System.Logger.Level.WARNING, "cannot write to the log", cause);
        logger.log(System.Logger.Level.ERROR, "{0} of {1}", 3, 4);

        assertThat(published).hasSize(2);
        LogRecord warning = published.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
        assertThat(warning.getMessage()).isEqualTo("cannot write to the log");
        assertThat(warning.getThrown()).isSameAs(cause);
        assertThat(warning.getLoggerName()).isEqualTo(NAME);
        assertThat(warning.getSourceClassName()).isEqualTo(CliLoggerFinderTest.class.getName());
        assertThat(warning.getSourceMethodName())
                .isEqualTo("aMessageThatPassesGoesToJavaUtilLoggingWithItsCallerAndLevel");
        LogRecord error = published.get(1);
        assertThat(error.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(error.getParameters()).containsExactly(3, 4);
    }

    @Test
    void aSupplierIsNotCalledForAMessageBelowTheThreshold() {
        System.Logger logger = new CliLoggerFinder().getLogger(NAME, getClass().getModule());
        List<String> calls = new ArrayList<>();

        logger.log(System.Logger.Level.DEBUG, () -> {
            calls.add("called");
            return "expensive";
        });

        assertThat(calls).isEmpty();
    }

    @Test
    void onceHandedOverJavaUtilLoggingsLevelsDecide() {
        CliLoggerFinder finder = new CliLoggerFinder();
        System.Logger logger = finder.getLogger(NAME, getClass().getModule());

        finder.handOverToJul();
        jul.setLevel(Level.FINE);
        logger.log(System.Logger.Level.DEBUG, "shown");
        logger.log(System.Logger.Level.TRACE, "below FINE");

        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isTrue();
        assertThat(published).extracting(LogRecord::getMessage).containsExactly("shown");
        assertThat(published.get(0).getLevel()).isEqualTo(Level.FINE);
    }
}
