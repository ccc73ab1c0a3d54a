package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.classreport.ClassFormats;
import org.hellointernet.conformance.matrix.MatrixFormats;
import org.hellointernet.conformance.result.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckFormatsTest {

    @Test
    void findsEachFormatByItsOptionNameInAnyCase() {
        assertThat(CheckFormats.ALL.writer("JSON", "v")).isInstanceOf(JsonReporter.class);
        assertThat(CheckFormats.ALL.writer(" junit ", "v")).isInstanceOf(JunitXmlReporter.class);
        assertThat(CheckFormats.ALL.writer("markdown", "v")).isInstanceOf(MarkdownReporter.class);
        assertThat(CheckFormats.ALL.writer("console", "v")).isInstanceOf(ConsoleReporter.class);
    }

    @Test
    void namesTheFormatsAKindOfResultHasWhenAskedForAnother() {
        assertThatThrownBy(() -> CheckFormats.ALL.writer("html", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("html")
                .hasMessageContaining("console, json, junit, markdown");
        assertThat(MatrixFormats.ALL.ids()).containsExactly("console", "markdown", "json", "html");
        assertThat(ClassFormats.ALL.ids()).containsExactly("console", "markdown", "html");
    }

    @Test
    void everyCheckFormatWritesTheSameRunToAFileAndToAWriterAlike(@TempDir Path dir) throws Exception {
        CheckRun run = ReportFixtures.run();
        for (String id : CheckFormats.ALL.ids()) {
            ResultWriter<CheckRun> writer = CheckFormats.ALL.writer(id, "test");
            StringWriter text = new StringWriter();
            writer.write(run, text);
            Path file = dir.resolve("sub").resolve(id + ".out");
            writer.writeTo(run, file);
            assertThat(text.toString()).as(id).isNotBlank();
            assertThat(Files.readString(file)).as(id).isEqualTo(text.toString());
        }
    }
}
