package dev.ftpkit.examples;

import dev.ftpkit.core.FtpkitVersion;
import dev.ftpkit.examples.cli.OptionSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} on every subcommand, {@code ftpkit help CMD} and {@code ftpkit version}. */
class CliHelpTest {

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Main.run(List.of(args), new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false));
    }

    @Test
    void everySubcommandDescribesEachOptionWithItsDefault() {
        for (Subcommand subcommand : Main.subcommands()) {
            assertThat(run(subcommand.name(), "--help")).as(subcommand.name()).isEqualTo(ExitCode.OK);
            String help = out.toString(StandardCharsets.UTF_8);

            assertThat(help).startsWith("usage: ftpkit " + subcommand.name() + " ").contains(subcommand.description());
            assertThat(subcommand.options()).as(subcommand.name()).isNotEmpty();
            for (OptionSpec option : subcommand.options()) {
                assertThat(help).as(subcommand.name()).contains(option.name()).contains(option.description());
                if (!option.defaultValue().isEmpty()) {
                    assertThat(help).contains(option.description() + " (default: " + option.defaultValue() + ")");
                }
            }
        }
    }

    @Test
    void helpCommandAndHelpOptionPrintTheSameText() {
        run("get", "--help");
        String option = out.toString(StandardCharsets.UTF_8);

        assertThat(run("help", "get")).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(option).contains("--resume", "--cacert FILE",
                "(default: the JDK's trusted CAs)");
        assertThat(run("get", "ftp://example.invalid/x", "-h")).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(option);
    }

    @Test
    void serveHelpTellsTheDefaultsAndThatTheRootMustExist() {
        assertThat(run("serve", "--help")).isEqualTo(ExitCode.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port N", "(default: 2121)",
                "(default: 127.0.0.1)", "must exist", "pasv_min_port", "-v, --verbose");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        assertThat(run("help", "frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void versionPrintsTheImplementationVersion() {
        assertThat(run("version")).isEqualTo(ExitCode.OK);
        String version = out.toString(StandardCharsets.UTF_8);
        assertThat(run("--version")).isEqualTo(ExitCode.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(version);
        // run from class directories there is no manifest: the compiled-in version stands in
        assertThat(version.strip()).isEqualTo("ftpkit " + Main.version()).endsWith(FtpkitVersion.VERSION);
    }
}
