package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code serve} refuses, with which exit code and which words. */
class ServeErrorsTest {

    @TempDir
    Path dir;

    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int serve(String... args) {
        err = new ByteArrayOutputStream();
        List<String> line = new ArrayList<>(List.of("serve"));
        line.addAll(List.of(args));
        return Main.run(line, new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingRootExitsFourAndIsNotCreated() {
        Path missing = dir.resolve("does/not/exist");

        assertThat(serve("--anonymous", "--root", missing.toString())).isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(stderr()).contains("--root " + missing + ": no such directory");
        assertThat(missing).doesNotExist();
    }

    @Test
    void withoutARootServeRefusesToGuessOne() {
        assertThat(serve("--anonymous")).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--root DIR is required");
    }

    @Test
    void noPassiveWithNoActiveIsAUsageError() {
        assertThat(serve("--anonymous", "--root", dir.toString(), "--no-passive", "--no-active"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("no way to open a data connection");
    }

    @Test
    void aRepeatedSingleValuedOptionIsAUsageError() {
        assertThat(serve("--anonymous", "--root", dir.toString(), "--port", "0", "--port", "2121"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--port is given twice");
    }

    @Test
    void aPortInUseNamesTheAddressAndTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThat(serve("--anonymous", "--root", dir.toString(), "--port", Integer.toString(port)))
                    .isEqualTo(ExitCode.NETWORK);
            assertThat(stderr()).contains("cannot listen on 127.0.0.1:" + port + ": ", "--port")
                    .doesNotContain("java.");
        }
    }

    @Test
    void anonymousWriteAccessIsWarned() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        ServeCommand.settings(List.of("--anonymous", "--write", "--root", dir.toString()),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("warning: anonymous users may write");
    }

    @Test
    void keystoreFailuresTellAMissingFileFromAWrongPasswordFromAWrongFormat() throws Exception {
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        String root = dir.toString();
        Path missing = dir.resolve("missing.p12");
        Path text = Files.writeString(dir.resolve("text.p12"), "not a key store\n");

        assertThat(serve("--anonymous", "--root", root, "--tls-keystore", missing.toString(), "--tls-password", "x"))
                .isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(stderr()).contains(missing + ": no such file or directory");
        assertThat(serve("--anonymous", "--root", root, "--tls-keystore", certificates.keystore().toString(),
                "--tls-password", "wrong")).isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("wrong password");
        assertThat(serve("--anonymous", "--root", root, "--tls-keystore", text.toString(), "--tls-password", "x"))
                .isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(stderr()).contains(text + ": not a PKCS12 key store");
    }
}
