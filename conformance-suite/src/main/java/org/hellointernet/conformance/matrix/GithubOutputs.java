package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.hellointernet.conformance.report.ResultWriter;

/**
 * The step's outputs for {@code $GITHUB_OUTPUT}: {@code failed} ({@code true} when a {@code --focus} folder fails:
 * a MUST rule, a program that did not build or start, or a failing pair the {@link InteropGate} counts),
 * {@code failed-folders} and {@code interop-failed-folders} (folders with a failing pair, whether it counts or not),
 * names separated by spaces.
 */
public final class GithubOutputs implements ResultWriter<MatrixResult> {

    private final List<GithubFolder> folders;
    private final InteropGate gate;

    public GithubOutputs(List<GithubFolder> folders, InteropGate gate) {
        this.folders = List.copyOf(folders);
        this.gate = gate;
    }

    @Override
    public void write(MatrixResult m, Writer out) throws IOException {
        List<FolderInterop> all =
                folders.stream().map(f -> FolderInterop.of(m, f)).toList();
        String failed = names(all.stream().filter(f -> f.fails(gate)).toList());
        String interop = names(all.stream().filter(f -> !f.failing().isEmpty()).toList());
        out.write("failed=" + !failed.isEmpty() + "\n");
        out.write("failed-folders=" + failed + "\n");
        out.write("interop-failed-folders=" + interop + "\n");
        out.flush();
    }

    private static String names(List<FolderInterop> folders) {
        return folders.stream().map(f -> f.folder().name()).collect(Collectors.joining(" "));
    }
}
