package org.hellointernet.conformance.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** The matrix as JSON, schema {@code hellointernet-matrix/1} (documented in REPORTS.md). */
public final class MatrixJson {

    public static final String SCHEMA = "hellointernet-matrix/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MatrixJson() {
    }

    public static ObjectNode tree(MatrixResult m, String kitVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("kit", kitVersion);
        root.put("durationMs", m.took().toMillis());
        ArrayNode clients = root.putArray("clients");
        m.clients().forEach(clients::add);
        ArrayNode servers = root.putArray("servers");
        m.servers().forEach(servers::add);
        ObjectNode counts = root.putObject("counts");
        m.counts().forEach((v, n) -> counts.put(v.id(), n));
        ArrayNode pairs = root.putArray("pairs");
        for (PairResult p : m.pairs()) {
            ObjectNode o = pairs.addObject();
            o.put("client", p.client());
            o.put("server", p.server());
            o.put("verdict", p.verdict().id());
            o.put("reason", p.reason());
            o.put("durationMs", p.elapsed().toMillis());
            o.put("transcript", p.transcript());
        }
        return root;
    }

    public static void write(MatrixResult m, String kitVersion, Writer w) throws IOException {
        w.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(m, kitVersion)));
        w.write("\n");
        w.flush();
    }
}
