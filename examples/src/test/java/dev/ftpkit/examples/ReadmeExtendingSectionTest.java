package dev.ftpkit.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Extending the server" and "Testing your FTP code" code is the compiled (and, for the second, tested)
 * examples' code, line for line.
 */
class ReadmeExtendingSectionTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src", "main", "java", "dev", "ftpkit", "examples");

    private static List<String> codeLinesOfSection(String heading) throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<String> code = new ArrayList<>();
        boolean inSection = false;
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals(heading);
            } else if (inSection && line.startsWith("```")) {
                inCode = !inCode;
            } else if (inSection && inCode && !line.isBlank()) {
                code.add(line.strip());
            }
        }
        return code;
    }

    private static String strippedSources(Path... directories) throws IOException {
        StringBuilder sources = new StringBuilder();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        sources.append(line.strip()).append('\n');
                    }
                }
            }
        }
        return sources.toString();
    }

    private static void assertEveryLineStandsIn(List<String> code, String sources) {
        for (String line : code) {
            String withoutEnd = line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
            assertThat(sources).as("README line %s", line).contains(withoutEnd);
        }
    }

    @Test
    void everyCodeLineOfTheSectionStandsInAnExample() throws IOException {
        List<String> code = codeLinesOfSection("## Extending the server");

        assertThat(code).hasSizeGreaterThan(20);
        assertEveryLineStandsIn(code, strippedSources(EXAMPLES));
    }

    @Test
    void everyCodeLineOfTheTestingSectionStandsInATestedExample() throws IOException {
        List<String> code = codeLinesOfSection("## Testing your FTP code");

        assertThat(code).hasSizeGreaterThan(15);
        assertEveryLineStandsIn(code, strippedSources(EXAMPLES.resolve("testing"),
                Path.of("src", "test", "java", "dev", "ftpkit", "examples", "testing")));
    }
}
