package org.hellointernet.conformance.report;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.conformance.result.TargetInfo;

/**
 * The report for CI systems: the de-facto JUnit XML format (Ant/Surefire), written with StAX.
 * One {@code <testsuite>} per check, one {@code <testcase>} per rule. A failed MUST rule is a
 * {@code <failure type="MUST">}; a failed SHOULD/MAY rule is a <em>passing</em> test case with
 * {@code WARNING (SHOULD): ...} in its {@code <system-out>}, so that CI does not go red on a warning, exactly
 * as {@code hello check} exits 0; a skipped rule is {@code <skipped>}; a harness error is {@code <error>}.
 * A program that could not be started adds one test case with an {@code <error type="NOT_STARTED">}, so that
 * a suite of skipped rules cannot look green. Characters XML 1.0 cannot hold are replaced, like JUnit's own
 * {@code XmlReportWriter} does.
 */
public final class JunitXmlReporter implements ResultWriter<CheckRun> {

    /** Ant's timestamp format: ISO 8601 without zone; we write UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final int transcriptLimit;

    public JunitXmlReporter() {
        this(TranscriptLines.DEFAULT_LIMIT);
    }

    /** @param transcriptLimit how many transcript entries each failure shows */
    public JunitXmlReporter(int transcriptLimit) {
        this.transcriptLimit = transcriptLimit;
    }

    @Override
    public void write(CheckRun run, Writer out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            newLine(w, 0);
            w.writeStartElement("testsuites");
            attr(w, "name", "hello check");
            Summary s = run.summary();
            long notStarted = run.checks().stream().filter(c -> !c.started()).count();
            writeCounts(
                    w,
                    run.checks().stream().mapToInt(JunitXmlReporter::tests).sum(),
                    s.failed(),
                    s.errors() + notStarted,
                    s.skipped(),
                    run.checks().stream().mapToLong(CheckResult::durationMs).sum());
            for (CheckResult check : run.checks()) {
                writeSuite(w, check);
            }
            newLine(w, 0);
            w.writeEndElement();
            newLine(w, 0);
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the JUnit XML report", e);
        }
        out.flush();
    }

    private void writeSuite(XMLStreamWriter w, CheckResult check) throws XMLStreamException {
        newLine(w, 1);
        w.writeStartElement("testsuite");
        attr(w, "name", ReportText.checkName(check));
        Summary s = check.summary();
        writeCounts(
                w, tests(check), s.failed(), s.errors() + (check.started() ? 0 : 1), s.skipped(), check.durationMs());
        if (check.startedAt() != null) {
            attr(w, "timestamp", TIMESTAMP.format(check.startedAt()));
        }
        newLine(w, 2);
        w.writeStartElement("properties");
        property(w, "role", check.target().role());
        property(w, "target", ReportText.target(check.target()));
        property(w, "profile", check.profile() == null ? "" : check.profile().id());
        property(w, "language", check.target().language());
        property(w, "verdict", ReportText.verdict(check.summary()));
        property(w, "exitStatus", Integer.toString(check.summary().exitStatus()));
        newLine(w, 2);
        w.writeEndElement();
        String classname = classname(check.target());
        String file = check.target().source();
        if (!check.started()) {
            newLine(w, 2);
            w.writeStartElement("testcase");
            attr(w, "name", "START the program could not be started");
            attr(w, "classname", classname);
            fileAttr(w, file);
            attr(w, "time", seconds(0));
            writeProblem(w, "error", check.startProblem(), "NOT_STARTED", check.startProblem());
            newLine(w, 2);
            w.writeEndElement();
        }
        for (RuleResult r : check.results()) {
            writeCase(w, classname, file, r);
        }
        newLine(w, 1);
        w.writeEndElement();
    }

    private void writeCase(XMLStreamWriter w, String classname, String file, RuleResult r) throws XMLStreamException {
        newLine(w, 2);
        boolean empty = r.status() == Status.PASS;
        if (empty) {
            w.writeEmptyElement("testcase");
        } else {
            w.writeStartElement("testcase");
        }
        attr(w, "name", r.rule().id() + " " + r.rule().title());
        attr(w, "classname", classname);
        fileAttr(w, file);
        attr(w, "time", seconds(r.durationMs()));
        if (empty) {
            return;
        }
        if (r.failsCheck()) {
            writeProblem(w, "failure", r.message(), "MUST", details(r));
        } else if (r.isWarning()) {
            newLine(w, 3);
            w.writeStartElement("system-out");
            text(w, "WARNING (" + r.rule().level() + "): " + r.message() + "\n" + details(r));
            w.writeEndElement();
        } else if (r.status() == Status.SKIP) {
            newLine(w, 3);
            w.writeEmptyElement("skipped");
            attr(w, "message", r.message());
        } else if (r.status() == Status.ERROR) {
            writeProblem(w, "error", r.message(), "HARNESS_ERROR", details(r));
        }
        newLine(w, 2);
        w.writeEndElement();
    }

    private static void writeProblem(XMLStreamWriter w, String element, String message, String type, String body)
            throws XMLStreamException {
        newLine(w, 3);
        w.writeStartElement(element);
        attr(w, "message", message);
        attr(w, "type", type);
        text(w, body);
        w.writeEndElement();
    }

    /** The body of a failure, warning or error: what a student needs, in plain text. */
    private String details(RuleResult r) {
        return FailureDetails.of(r, transcriptLimit);
    }

    /**
     * {@code hellointernet.server}, or {@code hellointernet.FOLDER.server} for a submission folder, so that the
     * reports of a class's folders do not collide in a CI test view. The folder's name keeps letters, digits,
     * {@code - _}; any other character becomes {@code _} (a dot would start a new package level).
     */
    static String classname(TargetInfo t) {
        if (t.submission().isEmpty()) {
            return "hellointernet." + t.role();
        }
        return "hellointernet." + t.submission().replaceAll("[^A-Za-z0-9_-]", "_") + "." + t.role();
    }

    /** The {@code file} attribute (the program's source file, as CI reporters place annotations), when known. */
    private static void fileAttr(XMLStreamWriter w, String file) throws XMLStreamException {
        if (!file.isEmpty()) {
            attr(w, "file", file);
        }
    }

    private static int tests(CheckResult check) {
        return check.results().size() + (check.started() ? 0 : 1);
    }

    private static void writeCounts(
            XMLStreamWriter w, int tests, int failures, long errors, int skipped, long durationMs)
            throws XMLStreamException {
        attr(w, "tests", Integer.toString(tests));
        attr(w, "failures", Integer.toString(failures));
        attr(w, "errors", Long.toString(errors));
        attr(w, "skipped", Integer.toString(skipped));
        attr(w, "time", seconds(durationMs));
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        newLine(w, 3);
        w.writeEmptyElement("property");
        attr(w, "name", name);
        attr(w, "value", value == null ? "" : value);
    }

    private static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeAttribute(name, SafeText.xmlAttribute(value == null ? "" : value));
    }

    private static void text(XMLStreamWriter w, String value) throws XMLStreamException {
        w.writeCharacters(SafeText.xml(value));
    }

    private static void newLine(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
