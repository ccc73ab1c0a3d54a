package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on this machine ({@link ProgramRunner#LOCAL}). A client given a {@link HostsFile} runs in a user
 * and mount namespace of its own ({@code unshare --user --map-root-user --mount}), where that file is its
 * {@code /etc/hosts}; where this user cannot have one, names cannot be pointed (see {@link #pointsNames()}).
 */
final class LocalProgramRunner implements ProgramRunner {

    private static volatile Boolean canMount;

    @Override
    public Program start(String shellCommand, Path workDir, Map<String, String> env) throws IOException {
        return ProgramProcess.start(shellCommand, workDir, env);
    }

    @Override
    public Program start(String shellCommand, Path workDir, Map<String, String> env, Map<String, String> values)
            throws IOException {
        String hosts = values.get(HostsFile.VALUE);
        if (hosts == null || !pointsNames()) {
            return start(shellCommand, workDir, env);
        }
        return ProgramProcess.start(shellCommand, workDir, env, wrapper(Path.of(hosts)));
    }

    /** True if this machine lets this user mount a file over {@code /etc/hosts} in a namespace of its own. */
    @Override
    public boolean pointsNames() {
        Boolean b = canMount;
        if (b == null) {
            b = probe();
            if (b != null) {
                canMount = b;
            }
        }
        return Boolean.TRUE.equals(b);
    }

    private static List<String> wrapper(Path hosts) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                Executables.find("unshare")
                        .orElseThrow(() -> new IOException("no unshare on the PATH"))
                        .toString(),
                "--user",
                "--map-root-user",
                "--mount",
                "--"));
        argv.addAll(HostsFile.mountWrapper(hosts));
        return argv;
    }

    /** True or false, or null when the probe did not finish in time (a busy machine): then it is tried again. */
    private static Boolean probe() {
        if (!System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")
                || Executables.find("unshare").isEmpty()) {
            return false;
        }
        Path file = HostsFile.write(HostsFile.Content.NAME_ONLY, false);
        try {
            List<String> argv = new ArrayList<>(wrapper(file));
            argv.addAll(List.of("/bin/sh", "-c", "grep -q 127.0.0.2 /etc/hosts"));
            Process p = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
