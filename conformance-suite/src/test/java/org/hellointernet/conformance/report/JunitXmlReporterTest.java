package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.report.GoldenFiles.assertMatchesGolden;
import static org.hellointernet.conformance.report.GoldenFiles.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hellointernet.conformance.result.CheckRun;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReporterTest {

    private static Document parse(CheckRun run) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JunitXmlReporter().write(run, bytes);
        return DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static Element testcase(Document doc, String namePrefix) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").startsWith(namePrefix)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + namePrefix);
    }

    @Test
    void writesTheJunitXmlOfTheFixture() {
        assertMatchesGolden("junit.xml", render(new JunitXmlReporter(), ReportFixtures.run()));
    }

    @Test
    void isParsedByTheJdkParserWithTheRightCounts() throws Exception {
        Document doc = parse(ReportFixtures.run());
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(9);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("9");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("errors")).isEqualTo("1");
        assertThat(suites.getAttribute("skipped")).isEqualTo("2");
        Element server = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(server.getAttribute("name")).isEqualTo("hello check server: python3 hellosrv.py {port}");
        assertThat(server.getAttribute("tests")).isEqualTo("6");
    }

    @Test
    void namesEachTestCaseAfterItsFolderSoThatAClasssReportsDoNotCollide() throws Exception {
        Document doc = parse(ReportFixtures.run());
        NodeList cases = doc.getElementsByTagName("testcase");
        java.util.Set<String> classnames = new java.util.TreeSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            classnames.add(((Element) cases.item(i)).getAttribute("classname"));
        }
        // the server was checked as folder "group 1", the client by its command: no folder, no file
        assertThat(classnames).containsExactly("hellointernet.client", "hellointernet.group_1.server");
        Element hello = testcase(doc, "CLI-HELLO ");
        assertThat(hello.hasAttribute("file")).isFalse();
        assertThat(JunitXmlReporter.classname(new org.hellointernet.conformance.result.TargetInfo(
                        "client", "container", "", "", "", "", "c.v2 (copy)", "")))
                .isEqualTo("hellointernet.c_v2__copy_.client");
    }

    @Test
    void reportsAMustFailureAsFailureWithExpectedObservedAndTranscript() throws Exception {
        Element lf = testcase(parse(ReportFixtures.run()), "SRV-LF ");
        assertThat(lf.getAttribute("name")).isEqualTo("SRV-LF Reply ends with LF");
        assertThat(lf.getAttribute("classname")).isEqualTo("hellointernet.group_1.server");
        assertThat(lf.getAttribute("file")).isEqualTo("group 1/hellosrv.py");
        assertThat(lf.getAttribute("time")).isEqualTo("1.004");
        Element failure = (Element) lf.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("MUST");
        assertThat(failure.getAttribute("message")).isEqualTo("The reply ended with CR LF (`\\r\\n`) | not LF alone.");
        assertThat(failure.getTextContent())
                .contains(
                        "expected: \"Goodbye in Python\\n\"",
                        "observed: \"Goodbye in Python\\r\\n\"",
                        "S[a]: \"Goodbye in Python\\r\\n\"",
                        "hint: Write",
                        "try it yourself: printf 'Hello in C\\n' | nc 127.0.0.1 4242 | od -c");
    }

    @Test
    void reportsAShouldFailureAsAPassingCaseWithAWarning() throws Exception {
        Element ipv6 = testcase(parse(ReportFixtures.run()), "SRV-IPV6 ");
        assertThat(ipv6.getElementsByTagName("failure").getLength()).isZero();
        assertThat(ipv6.getElementsByTagName("error").getLength()).isZero();
        assertThat(ipv6.getElementsByTagName("skipped").getLength()).isZero();
        assertThat(ipv6.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARNING (SHOULD): The server did not accept a connection on ::1.");
    }

    @Test
    void keepsStudentOutputParseableAndVisible() throws Exception {
        Element garbage = testcase(parse(ReportFixtures.run()), "SRV-GARBAGE ");
        String text = garbage.getElementsByTagName("error").item(0).getTextContent();
        assertThat(text)
                .contains(
                        "C[a]: \"\\xFF\\xFEhello <in> & \"C\"\\0\\n\"",
                        "S[a]: \"Error: got <\\x01> ```code``` & more\" (no newline)");
    }

    @Test
    void replacesEveryCharacterXmlCannotHold() throws Exception {
        String nasty = "a\u0000b\u0001c\u001Fd\uD800e\uFFFEf\uFFFFg\tok\n\uD83D\uDE00";
        assertThat(SafeText.xml(nasty)).isEqualTo("a\\x00b\\x01c\\x1Fd\\uD800e\\uFFFEf\\uFFFFg\tok\n\uD83D\uDE00");
    }

    @Test
    void aProgramThatDidNotStartIsAnError() throws Exception {
        Document doc = parse(ReportFixtures.notStartedRun());
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("NOT_STARTED");
        assertThat(error.getAttribute("message")).contains("No such file or directory");
        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("3");
    }

    @Test
    void writesUtf8Bytes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JunitXmlReporter().write(ReportFixtures.run(), bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<property name=\"language\" value=\"Fran\u00E7ais\"/>");
    }
}
