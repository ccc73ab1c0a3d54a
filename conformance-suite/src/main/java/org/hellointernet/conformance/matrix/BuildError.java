package org.hellointernet.conformance.matrix;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first place a compiler names in a build's last lines ({@code client.c:12:5: error: ...}, {@code
 * Main.java:7: error: ...}, {@code File "client.py", line 3}), when it is a plain file of the folder: where a
 * "did not build" annotation belongs.
 */
final class BuildError {

    private static final Pattern COLON = Pattern.compile("(?:^|[\\s'\"(])(?:\\./)?([\\w./-]+\\.\\w+):(\\d+)[:,]");
    private static final Pattern PYTHON = Pattern.compile("File \"(?:\\./)?([\\w./-]+\\.\\w+)\", line (\\d+)");

    private BuildError() {}

    /**
     * A place in a file.
     *
     * @param file the file as {@code dir/name}
     * @param line its line, from 1
     * @param text the build's line that names it
     */
    record Place(String file, int line, String text) {}

    /** The first place in {@code log} that is a plain file of {@code dir}, or null. */
    static Place first(Path dir, String log) {
        for (String line : log.lines().toList()) {
            for (Pattern p : new Pattern[] {COLON, PYTHON}) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    String name = m.group(1);
                    Path f = dir.resolve(name);
                    if (!name.contains("..")
                            && !name.startsWith("/")
                            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        String d = dir.normalize().toString().replace('\\', '/');
                        String file = d.isEmpty() || d.equals(".") ? name : d + "/" + name;
                        // Python names the place first and says what is wrong on the last line
                        String text = p == PYTHON ? line.strip() + ": " + lastLine(log) : line.strip();
                        try {
                            return new Place(file, Integer.parseInt(m.group(2)), text);
                        } catch (NumberFormatException e) {
                            return null; // a line number too long to be one
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String lastLine(String log) {
        return log.lines()
                .filter(l -> !l.isBlank())
                .reduce((a, b) -> b)
                .orElse("")
                .strip();
    }
}
