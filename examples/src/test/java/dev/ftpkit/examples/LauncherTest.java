package dev.ftpkit.examples;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ftpkit} launcher (src/main/launcher) gives the JVM the class-data archive only when the archive fits
 * that JVM: a JVM handed an archive of another JDK starts without any class-data sharing at all. The launcher runs
 * here against a stand-in {@code java} that prints the arguments it was given.
 */
class LauncherTest {

    private static final String RUNTIME = "JAVA_RUNTIME_VERSION=\"99.0.1+7-test\"";

    @TempDir
    Path temp;
    private Path app;
    private Path jdk;

    @BeforeEach
    void layOut() throws IOException {
        app = Files.createDirectories(temp.resolve("app")).toRealPath();
        Files.copy(Path.of("src/main/launcher/ftpkit"), app.resolve("ftpkit"));
        Files.writeString(app.resolve("ftpkit.jar"), "");
        Files.writeString(app.resolve("ftpkit.jsa"), "");
        jdk = Files.createDirectories(temp.resolve("jdk/bin")).getParent().toRealPath();
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\n" + RUNTIME + "\nJAVA_VERSION=\"99.0.1\"\n");
    }

    @Test
    void theArchiveGoesToTheJdkThatMadeIt() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        assertThat(launch("get", "ftp://h/f")).containsExactly("-XX:SharedArchiveFile=" + app.resolve("ftpkit.jsa"),
                "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1",
                "-jar", app.resolve("ftpkit.jar").toString(), "get", "ftp://h/f");
    }

    @Test
    void anotherRuntimeVersionGetsNoArchive() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " JAVA_RUNTIME_VERSION=\"17.0.2+8\"\n");
        assertThat(launch("serve")).containsExactly("-jar", app.resolve("ftpkit.jar").toString(), "serve");
    }

    @Test
    void anotherJdkHomeGetsNoArchive() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), temp.resolve("elsewhere") + " " + RUNTIME + "\n");
        assertThat(launch("version")).containsExactly("-XX:TieredStopAtLevel=1", "-jar",
                app.resolve("ftpkit.jar").toString(), "version");
    }

    @Test
    void noRecordOfTheArchivesJdkMeansNoArchive() throws Exception {
        assertThat(launch("version")).doesNotContain("-Xshare:auto").contains("-jar", "version");
    }

    private List<String> launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", app.resolve("ftpkit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.txt").toFile());
        builder.environment().put("JAVA", jdk.resolve("bin/java").toString());
        builder.environment().remove("FTPKIT_JAVA_OPTS");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllLines(temp.resolve("out.txt"), StandardCharsets.UTF_8);
    }
}
