package org.hellointernet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.hellointernet.conformance.rules.RuleBook;
import org.junit.jupiter.api.Test;

/**
 * No package of the conformance suite depends on itself through others: the package graph that {@code jdeps} reads
 * from the compiled classes has no cycle. A cycle ties packages together so that neither can be understood,
 * tested or moved alone (issue #13 found {@code rules} and {@code session} importing each other).
 */
class PackageCyclesTest {

    private static final String ROOT = "org.hellointernet.conformance";

    /** A line of {@code jdeps -verbose:package}: {@code   org.a.b   -> org.a.c   classes}. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)(\\s.*)?$");

    @Test
    void theSuitesPackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> graph = suitePackages();
        assertThat(cycles(graph))
                .as("package cycles: each a set of packages that depend on each other")
                .isEmpty();
    }

    @Test
    void theGraphIsReadFromTheClasses() throws Exception {
        // a cycle test that reads no edges could never fail: these dependencies exist and must be seen
        Map<String, Set<String>> graph = suitePackages();
        assertThat(graph.get(ROOT + ".app")).contains(ROOT + ".session", ROOT + ".rules", ROOT + ".matrix");
        assertThat(graph.get(ROOT + ".cli")).contains(ROOT + ".app");
        assertThat(graph.get(ROOT + ".rules")).contains(ROOT + ".session");
    }

    @Test
    void aCycleIsFoundThroughAnyNumberOfPackages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a", "d"));
        graph.put("d", Set.of());
        graph.put("e", Set.of("d"));
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
        graph.put("c", Set.of("d"));
        assertThat(cycles(graph)).isEmpty();
    }

    /** Package -> the suite's packages it uses, read by jdeps from the suite's compiled classes. */
    private static Map<String, Set<String>> suitePackages() throws URISyntaxException {
        Path classes = Path.of(RuleBook.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(
                new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", classes.toString());
        assertThat(status).as("jdeps " + classes + ": " + err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && m.group(1).startsWith(ROOT) && m.group(2).startsWith(ROOT)) {
                Set<String> uses = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    uses.add(m.group(2));
                }
            }
        }
        assertThat(graph).as("jdeps output:\n" + out).isNotEmpty();
        return graph;
    }

    /** The graph's strongly connected components of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).components();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String p : new TreeSet<>(graph.keySet())) {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            }
            return found;
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            onStack.add(p);
            for (String q : graph.getOrDefault(p, Set.of())) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (onStack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    onStack.remove(q);
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
