package dev.ftpkit.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    void helpListsEverySubcommandAndExitsZero() {
        int code = Main.run(List.of("--help"), io);

        assertThat(code).isEqualTo(ExitCode.OK);
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("usage: java -jar ftpkit.jar");
        for (Subcommand subcommand : Main.subcommands()) {
            assertThat(help).contains(subcommand.summary());
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        int code = Main.run(List.of("frobnicate"), io);

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void noArgumentsPrintsHelpAsAUsageError() {
        assertThat(Main.run(List.of(), io)).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("commands:");
    }

    @Test
    void everyListedNameMakesTheSubcommandOfThatName() {
        for (String name : Main.NAMES) {
            assertThat(Main.named(name))
                    .hasValueSatisfying(subcommand -> assertThat(subcommand.name()).isEqualTo(name));
        }
        assertThat(Main.named("frobnicate")).isEmpty();
    }
}
