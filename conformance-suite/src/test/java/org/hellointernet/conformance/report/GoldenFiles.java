package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.result.CheckRun;

/**
 * Golden-file comparison: a report must equal {@code src/test/resources/golden/NAME} exactly. Run the tests
 * with {@code -DupdateGolden=true} to rewrite the golden files from the current output (then review the diff).
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {}

    static String render(ResultWriter<CheckRun> reporter, CheckRun run) {
        StringWriter out = new StringWriter();
        try {
            reporter.write(run, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void assertMatchesGolden(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("updateGolden")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file)
                    .as("golden file %s (create or update it with -DupdateGolden=true)", file)
                    .exists();
            assertThat(actual)
                    .as("report compared with golden file %s (-DupdateGolden=true rewrites it)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
