package dev.ftpkit.examples;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ftpkit} launcher (src/main/launcher) gives the JVM the build's class-data archive of its command, the
 * server's or the client's, only when the archives fit that JVM: a JVM handed an archive of another JDK starts
 * without any class-data sharing at all. Another JDK of version 19 or later gets archives of its own in the user's
 * cache, one for the client commands, one for serve. The launcher runs here against a stand-in {@code java} that
 * prints the arguments it was given, and once against the real JVM.
 */
class LauncherTest {

    private static final String RUNTIME = "JAVA_RUNTIME_VERSION=\"99.0.1+7-test\"";
    /** A JDK release file of a version that writes dynamic archives (-XX:+AutoCreateSharedArchive), before 25. */
    private static final String JDK_21 = "JAVA_VERSION=\"21.0.5\"\n" + RUNTIME + "\n";
    /**
     * The stand-in {@code java}: prints its arguments, one a line; asked to make an AOT cache (-XX:AOTMode=create),
     * it makes the file the way the JVM would and prints nothing.
     */
    private static final String STAND_IN_JAVA = String.join("\n", "#!/bin/sh",
            "for a in \"$@\"; do case $a in -XX:AOTCache=*) cache=${a#-XX:AOTCache=} ;; -XX:AOTMode=create) make=1 ;;"
                    + " esac; done",
            "if [ -n \"$make\" ]; then echo cache > \"$cache\"; exit 0; fi",
            "for a in \"$@\"; do printf '%s\\n' \"$a\"; done", "");

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
        Files.writeString(app.resolve("ftpkit-client.jsa"), "");
        Files.writeString(app.resolve("ftpkit-serve.jsa"), "");
        jdk = Files.createDirectories(temp.resolve("jdk/bin")).getParent().toRealPath();
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, STAND_IN_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\n" + RUNTIME + "\nJAVA_VERSION=\"99.0.1\"\n");
    }

    @Test
    void theArchivesGoToTheJdkThatMadeThemTheClientsToAClientCommand() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        assertThat(launch("get", "ftp://h/f")).containsExactly(
                "-XX:SharedArchiveFile=" + app.resolve("ftpkit-client.jsa"), "-Xshare:auto", "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
                "-jar", app.resolve("ftpkit.jar").toString(), "get", "ftp://h/f");
    }

    @Test
    void theBuildsAotCacheGoesBeforeItsStaticArchive() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        Files.writeString(app.resolve("ftpkit-client.aot"), "");
        assertThat(launch("put", "f", "ftp://h/f")).containsExactly(
                "-XX:AOTCache=" + app.resolve("ftpkit-client.aot"), "-Xlog:aot=off", "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
                "-jar", app.resolve("ftpkit.jar").toString(), "put", "f", "ftp://h/f");
        assertThat(launch("serve").get(0)).isEqualTo("-XX:SharedArchiveFile=" + app.resolve("ftpkit-serve.jsa"));
    }

    @Test
    void serveAndBenchMapTheServersArchive() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        for (String command : List.of("serve", "bench")) {
            assertThat(launch(command)).containsExactly("-XX:SharedArchiveFile=" + app.resolve("ftpkit-serve.jsa"),
                    "-Xshare:auto", "-Xlog:cds=off", "-jar", app.resolve("ftpkit.jar").toString(), command);
        }
    }

    @Test
    void aJavaFoundOnThePathThroughASymbolicLinkIsTracedToItsJdk() throws Exception {
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), jdk + " " + RUNTIME + "\n");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));
        List<String> args = launch(Map.of("JAVA", "java", "PATH", temp.resolve("empty") + ":" + bin + ":/usr/bin:/bin"),
                "version");
        assertThat(args.get(0)).isEqualTo("-XX:SharedArchiveFile=" + app.resolve("ftpkit-client.jsa"));
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
        Files.writeString(jdk.resolve("release"), JDK_21);
        Files.writeString(app.resolve("ftpkit.jsa.jdk"), temp.resolve("elsewhere") + " " + RUNTIME + "\n");
        List<String> args = launch("version");
        assertThat(args).hasSize(9);
        assertThat(args.get(0)).isEqualTo("-XX:+AutoCreateSharedArchive");
        assertThat(args.get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive(cache, "client"));
        assertThat(args.subList(2, 9)).containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
                "-jar", app.resolve("ftpkit.jar").toString(), "version");
        assertThat(cache).isDirectory();
    }

    @Test
    void withoutTheBuildsArchiveTheCacheIsTheXdgOneAndTheSameForEveryCommand() throws Exception {
        Files.writeString(jdk.resolve("release"), JDK_21);
        Path xdg = temp.resolve("xdg");
        List<String> first = launch(Map.of("XDG_CACHE_HOME", xdg.toString()), "get", "ftp://h/f");
        List<String> second = launch(Map.of("XDG_CACHE_HOME", xdg.toString()), "ls", "ftp://h/");
        assertThat(first.get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive(xdg.resolve("ftpkit"), "client"))
                .isEqualTo(second.get(1));
    }

    @Test
    void theServerGetsAnArchiveApartFromTheClientCommandsAndTheBenchNone() throws Exception {
        Files.writeString(jdk.resolve("release"), JDK_21);
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
        assertThat(launch("version")).containsExactly("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
                "-jar", app.resolve("ftpkit.jar").toString(), "version");
    }

    @Test
    void aCacheThatCannotBeMadeMeansNoArchive() throws Exception {
        Files.writeString(temp.resolve("a-file"), "");
        assertThat(launch(Map.of("FTPKIT_CDS_DIR", temp.resolve("a-file/cds").toString()), "version"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
                        "-jar", app.resolve("ftpkit.jar").toString(), "version");
    }

    @Test
    void aJdk25OrLaterRecordsTheFirstCommandsRunForAnAotCache() throws Exception {
        List<String> args = launch("get", "ftp://h/f");
        assertThat(args.get(0)).isEqualTo("-XX:AOTMode=record");
        assertThat(args.get(1)).matches(Pattern.quote("-XX:AOTConfiguration=" + aotCache(cache, "client")
                + ".config.") + "[0-9]+");
        assertThat(args.subList(2, args.size())).containsExactly("-Xlog:aot=off", "-Xlog:cds=off",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=3", "-jar",
                app.resolve("ftpkit.jar").toString(), "get", "ftp://h/f");
    }

    @Test
    void theNextCommandMakesTheCacheFromAFinishedRunsRecordAndMapsIt() throws Exception {
        jarMadeLongAgo();
        Path record = recordOf(finishedPid(), "serve");

        List<String> args = launch("serve", "--anonymous");

        assertThat(args).containsExactly("-XX:AOTCache=" + aotCache(cache, "serve"), "-Xlog:aot=off", "-Xlog:cds=off",
                "-jar", app.resolve("ftpkit.jar").toString(), "serve", "--anonymous");
        assertThat(Path.of(aotCache(cache, "serve"))).hasContent("cache");
        assertThat(record).doesNotExist();
        try (var left = Files.list(record.getParent())) {
            assertThat(left).containsExactly(Path.of(aotCache(cache, "serve"))); // no half-made names left
        }
    }

    @Test
    void aRecordStillBeingWrittenIsLeftAloneAndTheCommandRecordsItsOwn() throws Exception {
        jarMadeLongAgo();
        Path record = recordOf(ProcessHandle.current().pid(), "client"); // a live process: still recording

        List<String> args = launch("ls", "ftp://h/");

        assertThat(args.get(0)).isEqualTo("-XX:AOTMode=record");
        assertThat(args.get(1)).isNotEqualTo("-XX:AOTConfiguration=" + record);
        assertThat(record).hasContent("record");
    }

    @Test
    void aRecordOfAnOlderJarIsDroppedAndTheRunRecordedAgain() throws Exception {
        Path record = recordOf(finishedPid(), "client");
        Files.setLastModifiedTime(record, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertThat(launch("version").get(0)).isEqualTo("-XX:AOTMode=record");
        assertThat(record).doesNotExist();
    }

    @Test
    void aCacheOlderThanTheJarIsNotMapped() throws Exception {
        Path aot = Files.createDirectories(Path.of(aotCache(cache, "client")).getParent()).resolve("ftpkit.aot");
        Files.writeString(aot, "cache");
        jarMadeLongAgo();
        assertThat(launch("version").get(0)).isEqualTo("-XX:AOTCache=" + aot);

        Files.setLastModifiedTime(aot, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        assertThat(launch("version").get(0)).isEqualTo("-XX:AOTMode=record");
    }

    /**
     * The real JVM running this test: from Java 19 on, the first command writes the archive and the second maps its
     * class from it (from Java 25 on, the first records its run and the second makes the AOT cache from that and maps
     * it); Java 17 gets no archive and still runs.
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
        Path javaHome = realJava.toRealPath().getParent().getParent();
        if (Runtime.version().feature() >= 25) {
            // the first run recorded, the second made the AOT cache from that record and mapped it
            assertThat(archive(cache, "client", javaHome).resolveSibling("ftpkit.aot")).isNotEmptyFile();
            assertThat(helloLoaded).contains("shared objects file");
        } else if (Runtime.version().feature() >= 19) {
            assertThat(archive(cache, "client", javaHome)).isNotEmptyFile();
            assertThat(helloLoaded).contains("shared objects file");
        } else {
            assertThat(cache).doesNotExist();
            assertThat(helloLoaded).doesNotContain("shared objects file");
        }
    }

    /** Where the launcher keeps the stand-in JDK's AOT cache (Java 25 and later) for {@code role}. */
    private String aotCache(Path cacheDir, String role) {
        return Path.of(archive(cacheDir, role)).resolveSibling("ftpkit.aot").toString();
    }

    /** A finished command's record for {@code role}'s cache, made now (after the jar). */
    private Path recordOf(long pid, String role) throws IOException {
        Path record = Path.of(aotCache(cache, role) + ".config." + pid);
        Files.createDirectories(record.getParent());
        Files.writeString(record, "record");
        return record;
    }

    /** The jar two days old, so that anything made in the test is newer. */
    private void jarMadeLongAgo() throws IOException {
        Files.setLastModifiedTime(app.resolve("ftpkit.jar"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(jdk.resolve("release"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }

    /** The PID of a process that has ended (PIDs are not reused this soon). */
    private static long finishedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.pid();
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
