package dev.ftpkit.examples.bench;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.TlsSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * {@code bench --only tls-idle} (issue 21 item 5), table 8b: heap per idle FTPS session (AUTH TLS, logged in, PBSZ 0,
 * PROT P, then idle) of ftpkit's server in this JVM, measured as table 8 measures plain sessions (clients in a child
 * JVM, {@link IdleMemory}); plain sessions on the same server in the same run beside them; and where the TLS
 * sessions' heap goes, by class, from two class histograms.
 */
final class TlsIdleSessions {

    /** The group's name for {@code --only}. */
    static final String GROUP = "tls-idle";

    private static final int FULL = 10_000;
    private static final int QUICK = 50;
    private static final int TOP_CLASSES = 12;
    /** What JSSE clients negotiate with the server's default protocols. */
    private static final String PROTOCOL = TlsSettings.DEFAULT_PROTOCOLS.get(0);
    /** The clients' JVM holds their side of every TLS session. */
    private static final String CLIENT_HEAP = "-Xmx2g";
    /** Opening thousands of TLS sessions on a busy machine can outlast the default idle timeout (300 s). */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    private final int sessions;
    private final Workspace workspace;
    private final PrintStream progress;

    TlsIdleSessions(BenchSettings settings, Workspace workspace, PrintStream progress) {
        this.sessions = settings.quick() ? QUICK : FULL;
        this.workspace = workspace;
        this.progress = progress;
    }

    /** Measures plain, then FTPS sessions; returns the section. */
    String run() throws Exception {
        Path certificateDir = Files.createDirectories(workspace.dir().resolve("tls"));
        SSLContext context = BenchCertificate.generate(certificateDir).serverContext();
        List<IdleMemory.Row> rows = new ArrayList<>();
        Histograms plain = new Histograms();
        Histograms ftps = new Histograms();
        try (FtpServer server = FtpkitServer.configured(workspace.root())
                .tls(TlsSettings.of(context))
                .idleTimeout(IDLE_TIMEOUT)
                .build()
                .start()) {
            FtpkitServer.RunningFtpkit running = new FtpkitServer.RunningFtpkit(server, "");
            Endpoint endpoint = Endpoint.anonymous(server.port());
            progress.println("  " + sessions + " plain sessions");
            rows.add(IdleMemory.measure(running, "plain", endpoint, sessions, List.of(), CLIENT_HEAP, plain));
            progress.println("  " + sessions + " FTPS sessions");
            rows.add(IdleMemory.measure(running, "FTPS (AUTH TLS, PROT P)", endpoint, sessions,
                    List.of("tls", certificateDir.toString(), PROTOCOL), CLIENT_HEAP, ftps));
        }
        return section(rows, plain.growth(), ftps.growth());
    }

    /** The class histograms before the sessions open and while they are open. */
    private static final class Histograms implements IdleMemory.Observer {
        private ClassHistogram before;
        private ClassHistogram whileOpen;

        @Override
        public void before() throws IOException {
            before = ClassHistogram.now();
        }

        @Override
        public void whileOpen() throws IOException {
            whileOpen = ClassHistogram.now();
        }

        List<ClassHistogram.Growth> growth() {
            return before == null || whileOpen == null ? List.of() : whileOpen.growthSince(before);
        }
    }

    private String section(List<IdleMemory.Row> rows, List<ClassHistogram.Growth> plain,
            List<ClassHistogram.Growth> ftps) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## 8b. Memory of %,d idle FTPS sessions (`bench --only %s`)%n%n",
                sessions, GROUP));
        out.append("As table 8, on ftpkit's server in this JVM with TLS configured (the RSA 2048 self-signed "
                + "certificate of the FTPS tables; the library's default protocols, ")
                .append(String.join(", ", TlsSettings.DEFAULT_PROTOCOLS)).append(", the clients offering ")
                .append(PROTOCOL).append("): first plain sessions, then FTPS sessions that send AUTH TLS, log in "
                        + "anonymously, send PBSZ 0 and PROT P and stay idle; the clients run in a child JVM. Heap per "
                        + "session is used heap after System.gc() with the sessions open minus before, divided by the "
                        + "sessions; thread stacks (platform session threads before Java 21) are outside the heap. "
                        + "The idle timeout is raised to ").append(IDLE_TIMEOUT.toMinutes())
                .append(" min so that the first sessions outlast the opening of the last ones.\n\n")
                .append("| sessions | count | heap per session, KiB | refused |\n|---|---|---|---|\n");
        for (IdleMemory.Row row : rows) {
            out.append("| ").append(row.server()).append(" | ").append(row.sessions()).append(" | ")
                    .append(row.formatKib()).append(" | ").append(row.refused()).append(" |\n");
        }
        out.append('\n');
        if (!ftps.isEmpty()) {
            out.append("Where the heap goes: the classes whose live instances grew most between a class histogram "
                    + "(`GC.class_histogram`) taken before the sessions opened and one taken while they were open, "
                    + "divided by the sessions (shallow sizes: an array's bytes are its own row); the FTPS sessions' "
                    + "largest, with the plain sessions' figure for the same class.\n\n"
                    + "| class | FTPS: instances per session | FTPS: bytes per session | plain: bytes per session |\n"
                    + "|---|---|---|---|\n");
            for (ClassHistogram.Growth entry : ftps.subList(0, Math.min(TOP_CLASSES, ftps.size()))) {
                long plainBytes = plain.stream().filter(other -> other.className().equals(entry.className()))
                        .mapToLong(ClassHistogram.Growth::bytes).sum();
                out.append("| `").append(entry.className()).append("` | ")
                        .append(Stats.number((double) entry.instances() / sessions)).append(" | ")
                        .append(Stats.number((double) entry.bytes() / sessions)).append(" | ")
                        .append(Stats.number((double) plainBytes / sessions)).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
