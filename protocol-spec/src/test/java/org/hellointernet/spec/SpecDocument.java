package org.hellointernet.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC.md cut into the pieces the tests look at: headings, text paragraphs, rule paragraphs, table rows and
 * code lines, each with the number of the section it is in ({@code 5.4}, {@code A} for Appendix A).
 */
public final class SpecDocument {

    /** A rule paragraph: {@code **SRV-LF** (MUST) A server MUST ...}. */
    public static final Pattern RULE_PARAGRAPH =
            Pattern.compile("^\\*\\*((?:SRV|CLI)-[A-Z0-9]+(?:-[A-Z0-9]+)*)\\*\\* \\((MUST|SHOULD|MAY)\\) (.+)$");

    private static final Pattern HEADING = Pattern.compile("^#{1,6} (?:Appendix ([A-Z]):|(\\d+(?:\\.\\d+)*)) .*$");

    /** A block of text (paragraph, table row or code line) and the section it belongs to. */
    public record Block(String section, String text) {}

    /** A paragraph that declares a rule. */
    public record RuleParagraph(String id, Level level, String requirement, String section) {}

    private final String text;
    private final Set<String> sections = new LinkedHashSet<>();
    private final List<Block> paragraphs = new ArrayList<>();
    private final List<Block> tableRows = new ArrayList<>();
    private final List<Block> codeLines = new ArrayList<>();

    private SpecDocument(String text) {
        this.text = text;
        String section = "";
        boolean inCode = false;
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (line.startsWith("```")) {
                section = flush(paragraph, section);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                codeLines.add(new Block(section, line));
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (line.startsWith("#")) {
                flush(paragraph, section);
                if (heading.matches()) {
                    section = heading.group(1) != null ? heading.group(1) : heading.group(2);
                    sections.add(section);
                }
            } else if (line.startsWith("|")) {
                flush(paragraph, section);
                tableRows.add(new Block(section, line));
            } else if (line.isBlank()) {
                flush(paragraph, section);
            } else {
                paragraph.append(line).append(' ');
            }
        }
        flush(paragraph, section);
    }

    private String flush(StringBuilder paragraph, String section) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(new Block(section, collapse(paragraph.toString())));
            paragraph.setLength(0);
        }
        return section;
    }

    /** The spec as shipped in the jar. */
    public static SpecDocument load() {
        return new SpecDocument(RuleCatalog.specText());
    }

    /** The text with every run of white space replaced by one space, trimmed. */
    public static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    public String text() {
        return text;
    }

    /** Section numbers that have a heading: {@code 5}, {@code 5.4}, {@code A}. */
    public Set<String> sections() {
        return sections;
    }

    /** Text paragraphs outside code blocks and tables, white space collapsed. */
    public List<Block> paragraphs() {
        return paragraphs;
    }

    public List<RuleParagraph> ruleParagraphs() {
        List<RuleParagraph> rules = new ArrayList<>();
        for (Block p : paragraphs) {
            Matcher m = RULE_PARAGRAPH.matcher(p.text());
            if (m.matches()) {
                rules.add(new RuleParagraph(m.group(1), Level.valueOf(m.group(2)), m.group(3), p.section()));
            }
        }
        return rules;
    }

    /** Data rows (not header or separator) of the tables in {@code section}, as trimmed cells. */
    public List<List<String>> tableRows(String section) {
        List<List<String>> all = tableRows.stream()
                .filter(b -> b.section().equals(section))
                .map(b -> cells(b.text()))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean separator = isSeparator(all.get(i));
            boolean header = i + 1 < all.size() && isSeparator(all.get(i + 1));
            if (!separator && !header) {
                rows.add(all.get(i));
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String line = row.trim();
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    private static boolean isSeparator(List<String> cells) {
        return cells.stream().allMatch(c -> c.matches(":?-+:?"));
    }

    /** Lines of the code blocks in {@code section} (exactly, or a subsection of it). */
    public List<String> codeLines(String section) {
        return codeLines.stream()
                .filter(b -> b.section().equals(section) || b.section().startsWith(section + "."))
                .map(Block::text)
                .toList();
    }
}
