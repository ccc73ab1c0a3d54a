package org.hellointernet.conformance.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A package registry on 127.0.0.1 for the fetch step's tests: a Cargo sparse registry under {@code /index/} (with
 * its {@code config.json} and downloads under {@code /api/v1/crates/}) and an npm registry under {@code /npm/}. It
 * serves what the test adds and nothing else, and records every path asked for.
 */
final class LoopbackRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    LoopbackRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
        server.createContext("/", this::serve);
        server.start();
        files.put(
                "/index/config.json",
                ("{\"dl\": \"" + base() + "api/v1/crates/{crate}/{version}/download\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code http://127.0.0.1:PORT/}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The sparse index, as {@code HELLO_CARGO_REGISTRY} takes it. */
    String cargoIndex() {
        return base() + "index/";
    }

    /** The npm registry, as {@code HELLO_NPM_REGISTRY} takes it. */
    String npmRegistry() {
        return base() + "npm/";
    }

    /** The paths asked for so far. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** A crate {@code name-version.crate} with {@code sources} (path in the crate -> text) and its index line. */
    LoopbackRegistry crate(String name, String version, Map<String, String> sources) throws IOException {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put(
                "Cargo.toml",
                "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nedition = \"2018\"\n");
        all.putAll(sources);
        byte[] crate = tarGz(name + "-" + version + "/", all);
        files.put("/api/v1/crates/" + name + "/" + version + "/download", crate);
        String line = JSON.writeValueAsString(Map.of(
                "name",
                name,
                "vers",
                version,
                "deps",
                List.of(),
                "cksum",
                hex("SHA-256", crate),
                "features",
                Map.of(),
                "yanked",
                false));
        files.put("/index/" + indexPath(name), (line + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** An npm package with {@code files} (path in the package -> text; {@code package.json} is made if absent). */
    LoopbackRegistry npmPackage(String name, String version, Map<String, String> content) throws IOException {
        byte[] tgz = tarGz("package/", content);
        String tarball = npmRegistry() + name + "/-/" + name + "-" + version + ".tgz";
        files.put("/npm/" + name + "/-/" + name + "-" + version + ".tgz", tgz);
        ObjectNode manifest = (ObjectNode) JSON.readTree(content.get("package.json"));
        ObjectNode dist = manifest.putObject("dist");
        dist.put("tarball", tarball);
        dist.put("shasum", hex("SHA-1", tgz));
        dist.put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz)));
        ObjectNode packument = JSON.createObjectNode();
        packument.put("name", name);
        packument.putObject("dist-tags").put("latest", version);
        packument.putObject("versions").set(version, manifest);
        files.put("/npm/" + name, JSON.writeValueAsBytes(packument));
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        byte[] body = files.get(path);
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders()
                    .add(
                            "Content-Type",
                            path.endsWith(".json") || (path.startsWith("/npm/") && !path.endsWith(".tgz"))
                                    ? "application/json"
                                    : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The sparse index's path of a crate: {@code 1/a}, {@code 2/ab}, {@code 3/a/abc}, {@code gr/ee/greeting}. */
    private static String indexPath(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.length()) {
            case 1 -> "1/" + n;
            case 2 -> "2/" + n;
            case 3 -> "3/" + n.charAt(0) + "/" + n;
            default -> n.substring(0, 2) + "/" + n.substring(2, 4) + "/" + n;
        };
    }

    private static byte[] tarGz(String prefix, Map<String, String> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> f : content.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(prefix + f.getKey());
                entry.setSize(data.length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String hex(String algorithm, byte[] data) {
        return HexFormat.of().formatHex(digest(algorithm, data));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
