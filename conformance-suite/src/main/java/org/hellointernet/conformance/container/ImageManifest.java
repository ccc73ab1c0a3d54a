package org.hellointernet.conformance.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hellointernet.conformance.submission.BuildResult;

/**
 * What a build job built ({@code hello matrix --build-only --save-images DIR}), as {@code DIR/images.json} (schema
 * {@value #SCHEMA}): each folder's image, or why it did not build, so that a shard given the images
 * ({@code --load-images DIR --no-build}) reports a folder that did not build as the build job saw it, without
 * building it again.
 *
 * @param base    the presets' base image the images were built on
 * @param archive the file of {@code DIR} the images are in ({@value ImageArchive#TAR}), or empty when none built
 * @param folders one entry per folder, in the run's order
 */
public record ImageManifest(String base, String archive, List<Folder> folders) {

    public static final String SCHEMA = "hellointernet-images/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One folder of the build.
     *
     * @param folder  the folder's name in the matrix
     * @param image   its image's tag ({@code hellointernet/sub-python:3f2a9c0b1d4e}), or empty when the folder names
     *                no preset (it does not build anywhere)
     * @param built   true if the image exists (a program whose own build step failed is in it, as the image's labels
     *                say); false if the folder did not build
     * @param message why it did not build, else empty
     * @param logTail the last lines of its build log, else empty
     */
    public record Folder(String folder, String image, boolean built, String message, String logTail) {}

    public ImageManifest {
        folders = List.copyOf(folders);
    }

    /** No images: {@code --no-build} without {@code --load-images} (the images were loaded some other way). */
    public static final ImageManifest NONE = new ImageManifest("", "", List.of());

    /** The tags of the images that exist. */
    public List<String> images() {
        return folders.stream()
                .filter(Folder::built)
                .map(Folder::image)
                .distinct()
                .toList();
    }

    /** How the build job's build of the image {@code tag} failed, if it did. */
    public Optional<BuildResult.DidNotBuild> failure(String tag) {
        return folders.stream()
                .filter(f -> !f.built() && f.image().equals(tag))
                .findFirst()
                .map(f -> new BuildResult.DidNotBuild(f.message(), f.logTail()));
    }

    public void write(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("base", base);
        root.put("archive", archive);
        ArrayNode list = root.putArray("folders");
        for (Folder f : folders) {
            ObjectNode o = list.addObject();
            o.put("folder", f.folder());
            o.put("image", f.image());
            o.put("built", f.built());
            o.put("message", f.message());
            o.put("logTail", f.logTail());
        }
        Files.writeString(
                file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest.
     *
     * @throws IOException a file that is not such a manifest
     */
    public static ImageManifest read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(file + " is not a " + SCHEMA + " manifest (hello matrix --build-only --save-images)");
        }
        List<Folder> folders = new ArrayList<>();
        for (JsonNode f : root.path("folders")) {
            folders.add(new Folder(
                    f.path("folder").asText(),
                    f.path("image").asText(),
                    f.path("built").asBoolean(),
                    f.path("message").asText(),
                    f.path("logTail").asText()));
        }
        return new ImageManifest(
                root.path("base").asText(), root.path("archive").asText(), folders);
    }
}
