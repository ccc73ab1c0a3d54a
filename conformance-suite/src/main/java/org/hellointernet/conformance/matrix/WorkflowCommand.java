package org.hellointernet.conformance.matrix;

/**
 * GitHub's workflow commands ({@code ::error file=F,title=T::message}) with what a pull request controls escaped:
 * {@code %}, CR and LF in the data, and also {@code :} and {@code ,} in a property; {@code ##[} (the old command
 * syntax, recognised anywhere in a line) is broken up.
 */
final class WorkflowCommand {

    private WorkflowCommand() {}

    /**
     * One command line (without its line end).
     *
     * @param command {@code error} or {@code warning}
     * @param file    the file the annotation belongs on, or null
     * @param line    its line in that file, or 0 when unknown
     * @param title   the annotation's title
     * @param message its message, any text
     */
    static String annotation(String command, String file, int line, String title, String message) {
        String props = (file == null ? "" : "file=" + property(file) + ",")
                + (file != null && line > 0 ? "line=" + line + "," : "")
                + "title=" + property(title);
        return "::" + command + " " + props + "::" + data(message);
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("##[", "#%23[");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
