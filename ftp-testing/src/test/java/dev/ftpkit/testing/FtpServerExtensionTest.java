package dev.ftpkit.testing;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension's lifecycle, checked by running small test classes with the JUnit Platform launcher (the classes are
 * nested and static, and enabled only while this class launches them: a run that selects them, e.g. surefire with a
 * {@code -Dtest} pattern, reports them as skipped).
 */
class FtpServerExtensionTest {

    /** The servers the nested classes saw, in order. */
    static final List<FtpTestServer> SEEN = new ArrayList<>();
    private static volatile boolean launching;

    /** Whether this class is launching the nested classes (for their {@code @EnabledIf}). */
    static boolean launching() {
        return launching;
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launching = true;
        try {
            launcher.execute(request, summary);
        } finally {
            launching = false;
        }
        return summary.getSummary();
    }

    @Test
    void extendWithOnTheClassSharesOneServerAndStopsItAfterTheClass() {
        TestExecutionSummary summary = run(PerClass.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).server().sessionCount()).isZero();
        assertThat(stopped(SEEN.get(0))).isTrue();
    }

    @Test
    void anInstanceFieldGivesEachTestItsOwnServerSetUpAsAsked() {
        TestExecutionSummary summary = run(PerTest.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).allMatch(FtpServerExtensionTest::stopped);
    }

    @Test
    void aFailingTestsMessageCarriesTheTranscript() {
        TestExecutionSummary summary = run(Failing.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the upload went wrong")
                .hasMessageContaining("FTP transcript")
                .hasMessageContaining("> USER anonymous");
    }

    private static boolean stopped(FtpTestServer server) {
        try (java.net.Socket probe = new java.net.Socket(server.host(), server.port())) {
            return !probe.isConnected();
        } catch (java.io.IOException refused) {
            return true;
        }
    }

    @ExtendWith(FtpServerExtension.class)
    @EnabledIf("dev.ftpkit.testing.FtpServerExtensionTest#launching")
    static class PerClass {
        @Test
        void first(FtpTestServer server) {
            SEEN.add(server);
        }

        @Test
        void second(FtpTestServer server) {
            SEEN.add(server);
        }
    }

    @EnabledIf("dev.ftpkit.testing.FtpServerExtensionTest#launching")
    static class PerTest {
        @RegisterExtension
        final FtpServerExtension ftp = FtpServerExtension.with(() -> FtpTestServer.builder().file("/a.txt", "a"));

        @Test
        void first(FtpTestServer server) throws Exception {
            SEEN.add(server);
            assertThat(server.root().resolve("a.txt")).exists();
        }

        @Test
        void second(FtpTestServer server) {
            SEEN.add(server);
        }
    }

    @ExtendWith(FtpServerExtension.class)
    @EnabledIf("dev.ftpkit.testing.FtpServerExtensionTest#launching")
    static class Failing {
        @Test
        void fails(FtpTestServer server) throws Exception {
            FTPClient ftp = new FTPClient();
            ftp.connect(server.host(), server.port());
            ftp.login("anonymous", "test@");
            ftp.disconnect();
            server.transcript().awaitAllDisconnected(java.time.Duration.ofSeconds(10));
            throw new AssertionError("the upload went wrong");
        }
    }
}
