package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {

    @Test
    void parsesFormatNamesInAnyCase() {
        assertThat(ReportFormat.of("JSON")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(" junit ")).isEqualTo(ReportFormat.JUNIT);
        assertThatThrownBy(() -> ReportFormat.of("html")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("console, json, junit, markdown");
    }

    @Test
    void createsTheReporterOfEachFormat() {
        assertThat(ReportFormat.CONSOLE.reporter("v")).isInstanceOf(ConsoleReporter.class);
        assertThat(ReportFormat.JSON.reporter("v")).isInstanceOf(JsonReporter.class);
        assertThat(ReportFormat.JUNIT.reporter("v")).isInstanceOf(JunitXmlReporter.class);
        assertThat(ReportFormat.MARKDOWN.reporter("v")).isInstanceOf(MarkdownReporter.class);
    }

    @Test
    void everyFormatWritesTheSameRunToAFileAsToAStream(@TempDir Path dir) throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            Path file = dir.resolve("report." + format.id());
            Reporter reporter = format.reporter("v");
            reporter.writeTo(ReportFixtures.run(), file);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            reporter.write(ReportFixtures.run(), bytes);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(format.id())
                    .isEqualTo(bytes.toString(StandardCharsets.UTF_8)).contains("SRV-LF");
        }
    }
}
