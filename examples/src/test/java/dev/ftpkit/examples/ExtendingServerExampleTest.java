package dev.ftpkit.examples;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Extending the server" example with curl: the audit decorator sees every command, the policy vetoes. */
class ExtendingServerExampleTest {

    @TempDir
    Path root;
    @TempDir
    Path local;

    private int curl(FtpServer server, String... args) throws Exception {
        Path curl = Peers.require("curl");
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(local.toFile())
                .redirectOutput(local.resolve("curl.out").toFile()).redirectError(local.resolve("curl.err").toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
        return process.exitValue();
    }

    @Test
    void policyRefusesExecutableUploadsWith553AndTheAuditSeesEveryCommand() throws Exception {
        Files.writeString(local.resolve("ok.txt"), "fine");
        Files.writeString(local.resolve("x.exe"), "MZ");
        List<String> audit = new CopyOnWriteArrayList<>();
        try (FtpServer server = ExtendingServerExample.server(root, audit::add).start()) {
            String base = "ftp://127.0.0.1:" + server.port() + "/";

            int accepted = curl(server, "-T", "ok.txt", base);
            int refused = curl(server, "-T", "x.exe", base);

            assertThat(accepted).isZero();
            assertThat(refused).isEqualTo(25); // curl: upload failed
        }
        assertThat(root.resolve("ok.txt")).hasContent("fine");
        assertThat(root.resolve("x.exe")).doesNotExist();
        assertThat(audit).anySatisfy(line -> assertThat(line).matches("\\d+ anonymous STOR \\[/ok.txt\\] 226"));
        assertThat(audit).anySatisfy(line -> assertThat(line).matches("\\d+ anonymous STOR \\[/x.exe\\] 553"));
        assertThat(audit).anySatisfy(line -> assertThat(line).matches("\\d+ - USER \\[\\] 331"));
        assertThat(audit).anySatisfy(line -> assertThat(line).contains(" EPSV [] 229"));
    }
}
