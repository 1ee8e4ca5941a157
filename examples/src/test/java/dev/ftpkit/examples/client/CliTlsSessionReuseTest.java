package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.testsupport.TestCertificates;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI resumes the control connection's TLS session on every data connection against vsftpd with
 * {@code require_ssl_reuse=YES} (its default) and TLS forced for login and data, under TLS 1.2 and 1.3, passive and
 * active. Each run is a child JVM started with no system property and no {@code JAVA_TOOL_OPTIONS}, so nothing from
 * the test JVM helps: the CLI must set what JSSE needs itself. One session downloads {@value #FILES} files (LIST, then
 * a RETR each) and another uploads them ({@code mirror --reverse}: LIST, then a STOR each), at least 12 data
 * connections per session; any connection that failed to resume would get {@code 522} and fail the command.
 */
class CliTlsSessionReuseTest {

    private static final int FILES = 11;

    @TempDir
    static Path certificateDir;

    private static TestCertificates certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateCertificates() {
        certificates = TestCertificates.generate(certificateDir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.2, passive", "TLSv1.2, active", "TLSv1.3, passive", "TLSv1.3, active"})
    void everyDataConnectionOfOneSessionResumesTheControlSession(String protocol, String mode) throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).tls(certificates)
                .option("require_ssl_reuse", "YES")
                .option("force_anon_data_ssl", "YES").option("force_anon_logins_ssl", "YES").start()) {
            Path remote = Files.createDirectories(vsftpd.root().resolve("tree"));
            List<byte[]> contents = new ArrayList<>();
            Random random = new Random(16);
            for (int i = 0; i < FILES; i++) {
                byte[] content = new byte[20_000 + i * 7_919];
                random.nextBytes(content);
                contents.add(content);
                Files.write(remote.resolve("f" + i + ".bin"), content);
            }
            Path local = dir.resolve("local");
            String base = "ftp://localhost:" + vsftpd.port() + "/";

            runCli(protocol, mode, "mirror", base + "tree/", local.toString());
            runCli(protocol, mode, "mirror", "--reverse", local.toString(), base + "upload/tree/");

            for (int i = 0; i < FILES; i++) {
                assertThat(Files.readAllBytes(local.resolve("f" + i + ".bin"))).as("downloaded f" + i)
                        .isEqualTo(contents.get(i));
                assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("tree").resolve("f" + i + ".bin")))
                        .as("uploaded f" + i).isEqualTo(contents.get(i));
            }
        }
    }

    /** Runs {@code ftpkit} in a child JVM with a clean TLS configuration; fails with its output unless it exits 0. */
    private void runCli(String protocol, String mode, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ftpkit.examples.Main"));
        args.add(command[0]);
        args.addAll(List.of("--tls", "--cacert", certificates.pem().toString(), "-v", "--timeout", "30"));
        if (protocol.equals("TLSv1.2")) {
            args.add("--tls12-only");
        }
        if (mode.equals("active")) {
            args.add("--active");
        }
        args.addAll(List.of(command).subList(1, command.length));
        Path output = Files.createTempFile(dir, "cli", ".txt");
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String transcript = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as("ftpkit exited in time; output:%n%s", transcript).isTrue();
        assertThat(process.exitValue()).as("ftpkit exit code; output:%n%s", transcript).isEqualTo(ExitCode.OK);
        assertThat(transcript).contains("* TLS " + protocol + " ").doesNotContain("< 522");
    }
}
