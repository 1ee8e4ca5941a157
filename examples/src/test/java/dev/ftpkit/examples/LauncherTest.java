package dev.ftpkit.examples;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ftpkit} launcher (src/main/launcher) gives the JVM the class-data archive only when the archive fits
 * that JVM: a JVM handed an archive of another JDK starts without any class-data sharing at all. Another JDK of
 * version 19 or later gets archives of its own in the user's cache, one for the client commands, one for serve. The
 * launcher runs here against a stand-in {@code java} that prints the arguments it was given, and once against the
 * real JVM.
 */
class LauncherTest {

    private static final String RUNTIME = "JAVA_RUNTIME_VERSION=\"99.0.1+7-test\"";

    @TempDir
    Path temp;
    private Path app;
    private Path jdk;
    /** Where the launcher keeps archives of its own (FTPKIT_CDS_DIR). */
    private Path cache;

    @BeforeEach
    void layOut() throws IOException {
        app = Files.createDirectories(temp.resolve("app")).toRealPath();
        cache = temp.toRealPath().resolve("cds");
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
    void aJavaFoundOnThePathThroughASymbolicLinkIsTracedToItsJdk() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));
        List<String> args = launch(Map.of("JAVA", "java", "PATH", temp.resolve("empty") + ":" + bin + ":/usr/bin:/bin"),
                "version");
        assertThat(args.get(0)).isEqualTo("-XX:SharedArchiveFile=" + app.resolve("ftpkit.jsa"));
    }

    @Test
    void theJvmRunsInTheCallersDirectory() throws Exception {
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\npwd\n");
        Path work = Files.createDirectories(temp.resolve("work")).toRealPath();
        assertThat(launchIn(work, Map.of(), "get", "ftp://h/f")).containsExactly(work.toString());
    }

    @Test
    void anotherRuntimeVersionGetsNoArchive() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " JAVA_RUNTIME_VERSION=\"17.0.2+8\"\n");
        assertThat(launch("bench")).containsExactly("-jar", app.resolve("ftpkit.jar").toString(), "bench");
    }

    @Test
    void anotherJdkHomeGetsAnArchiveOfItsOwnInTheCacheForAClientCommand() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), temp.resolve("elsewhere") + " " + RUNTIME + "\n");
        List<String> args = launch("version");
        assertThat(args).hasSize(8);
        assertThat(args.get(0)).isEqualTo("-XX:+AutoCreateSharedArchive");
        assertThat(args.get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive(cache, "client"));
        assertThat(args.subList(2, 8)).containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-jar", app.resolve("ftpkit.jar").toString(), "version");
        assertThat(cache).isDirectory();
    }

    @Test
    void withoutTheBuildsArchiveTheCacheIsTheXdgOneAndTheSameForEveryCommand() throws Exception {
        Path xdg = temp.resolve("xdg");
        List<String> first = launch(Map.of("XDG_CACHE_HOME", xdg.toString()), "get", "ftp://h/f");
        List<String> second = launch(Map.of("XDG_CACHE_HOME", xdg.toString()), "ls", "ftp://h/");
        assertThat(first.get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive(xdg.resolve("ftpkit"), "client"))
                .isEqualTo(second.get(1));
    }

    @Test
    void theServerGetsAnArchiveApartFromTheClientCommandsAndTheBenchNone() throws Exception {
        List<String> serve = launch("serve", "--anonymous");
        assertThat(serve.get(0)).isEqualTo("-XX:+AutoCreateSharedArchive");
        assertThat(serve.get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive(cache, "serve"));
        assertThat(serve.subList(2, serve.size())).containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                app.resolve("ftpkit.jar").toString(), "serve", "--anonymous");
        assertThat(launch("bench", "--quick")).containsExactly("-jar", app.resolve("ftpkit.jar").toString(),
                "bench", "--quick");
    }

    @Test
    void aJdkBefore19GetsNoArchiveOfItsOwn() throws Exception {
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\nJAVA_RUNTIME_VERSION=\"17.0.2+8\"\n");
        assertThat(launch("version")).containsExactly("-XX:TieredStopAtLevel=1", "-jar",
                app.resolve("ftpkit.jar").toString(), "version");
    }

    @Test
    void aCacheThatCannotBeMadeMeansNoArchive() throws Exception {
        Files.writeString(temp.resolve("a-file"), "");
        assertThat(launch(Map.of("FTPKIT_CDS_DIR", temp.resolve("a-file/cds").toString()), "version"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-jar", app.resolve("ftpkit.jar").toString(), "version");
    }

    /**
     * The real JVM running this test: from Java 19 on, the first command writes the archive and the second maps its
     * class from it; Java 17 gets no archive and still runs.
     */
    @Test
    void theRealJvmWritesItsArchiveOnceAndMapsItAfterwards() throws Exception {
        writeHelloJar(app.resolve("ftpkit.jar"));
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Map<String, String> env = Map.of("JAVA", realJava.toString(), "FTPKIT_JAVA_OPTS", "-Xlog:class+load=info");
        List<String> first = launch(env, "hello");
        List<String> second = launch(env, "hello");
        assertThat(first).contains("hello from the launcher test");
        assertThat(second).contains("hello from the launcher test");
        String helloLoaded = second.stream().filter(line -> line.contains(" Hello source: ")).findFirst().orElseThrow();
        if (Runtime.version().feature() >= 19) {
            Path javaHome = realJava.toRealPath().getParent().getParent();
            assertThat(archive(cache, "client", javaHome)).isNotEmptyFile();
            assertThat(helloLoaded).contains("shared objects file");
        } else {
            assertThat(cache).doesNotExist();
            assertThat(helloLoaded).doesNotContain("shared objects file");
        }
    }

    /** Where the launcher keeps the stand-in JDK's archive for {@code role}: the paths of the JDK and the app. */
    private String archive(Path cacheDir, String role) {
        return archive(cacheDir, role, jdk).toString();
    }

    private Path archive(Path cacheDir, String role, Path javaHome) {
        return Path.of(cacheDir + "/" + role + "/jdk" + javaHome + "/app" + app + "/ftpkit.jsa");
    }

    /** A jar whose main class, {@code Hello}, prints one line: compiled here with the JDK's compiler. */
    private void writeHelloJar(Path jar) throws IOException {
        Path source = Files.createDirectories(temp.resolve("hello-src")).resolve("Hello.java");
        Files.writeString(source, "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello from the launcher test\"); } }\n");
        Path classes = Files.createDirectories(temp.resolve("hello-classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertThat(compiled).as("javac exit code").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
    }

    private List<String> launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        return launchIn(temp, env, args);
    }

    /** Runs the launcher in {@code workDir}, its cache in the temp directory unless {@code env} names another. */
    private List<String> launchIn(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", app.resolve("ftpkit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile());
        builder.environment().put("JAVA", jdk.resolve("bin/java").toString());
        builder.environment().remove("FTPKIT_JAVA_OPTS");
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().put("HOME", temp.resolve("home").toString()); // never the user's own cache
        if (!env.containsKey("XDG_CACHE_HOME")) {
            builder.environment().put("FTPKIT_CDS_DIR", cache.toString());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllLines(temp.resolve("out.txt"), StandardCharsets.UTF_8);
    }
}
