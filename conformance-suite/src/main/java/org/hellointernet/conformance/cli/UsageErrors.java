package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.submission.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What {@code hello} prints for a bad command line: the error in one line of plain words, the command's short usage
 * and where to read more, instead of the whole help. A command given to {@code --server-cmd} or {@code --client-cmd}
 * without quotes (its words then arrive as separate arguments) is recognised and said.
 */
final class UsageErrors implements IParameterExceptionHandler {

    /** Options whose value is a whole shell command, which must therefore be one quoted argument. */
    private static final Set<String> COMMAND_OPTIONS = Set.of("--server-cmd", "--client-cmd");

    private static final Pattern MISSING = Pattern.compile("Missing required \\w+: (.*)");

    /** picocli: "Missing required parameter for option '--server-cmd' (CMD)". */
    private static final Pattern MISSING_VALUE =
            Pattern.compile("Missing required parameter for option '([^']+)' \\((.*)\\)");

    /** picocli: "Invalid value for option '--timeout': 'abc' is not an int". */
    private static final Pattern INVALID =
            Pattern.compile("Invalid value for option '([^']+)': '(.*)' is not an? (\\w+)");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(message(ex, args));
        err.println("Usage: " + cmd.getHelp().abbreviatedSynopsis().strip());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The error in one line: a forgotten quote said as such, picocli's words made plainer. */
    static String message(ParameterException ex, String[] args) {
        String quote = forgottenQuote(args, ex.getCommandLine().getCommandSpec());
        if (quote != null) {
            return quote;
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (u.isUnknownOption()) {
                List<String> suggestions = u.getSuggestions();
                return "unknown option '" + first + "'"
                        + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
            }
            // the launcher takes no arguments of its own: a word there names a command
            if (!u.getCommandLine().getSubcommands().isEmpty()
                    && u.getCommandLine()
                            .getCommandSpec()
                            .positionalParameters()
                            .isEmpty()) {
                String near = Spelling.closest(
                        first, u.getCommandLine().getSubcommands().keySet());
                return "unknown command '" + first + "'" + (near == null ? "" : " (did you mean " + near + "?)")
                        + ": choose one of "
                        + String.join(", ", u.getCommandLine().getSubcommands().keySet());
            }
            String placeholder = first.contains("{port}") || first.contains("{host}")
                    ? ": {host} and {port} belong inside the quoted --server-cmd or --client-cmd"
                    : "";
            return "unexpected argument '" + first + "'"
                    + (u.getUnmatched().size() > 1
                            ? " (and " + (u.getUnmatched().size() - 1) + " more)"
                            : "")
                    + placeholder;
        }
        String text = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        Matcher optionValue = MISSING_VALUE.matcher(text.strip());
        if (optionValue.matches()) {
            String option = optionValue.group(1);
            return option + " needs a value"
                    + (option.equals("--server-cmd")
                            ? ": --server-cmd 'python3 server.py {port}'"
                            : option.equals("--client-cmd")
                                    ? ": --client-cmd 'python3 client.py {host} {port}'"
                                    : " (" + optionValue.group(2) + ")");
        }
        Matcher invalid = INVALID.matcher(text.strip());
        if (invalid.matches()) {
            String kind = switch (invalid.group(3)) {
                case "int", "long", "short", "byte" -> "a whole number";
                case "double", "float" -> "a number";
                default -> "a " + invalid.group(3);
            };
            return invalid.group(1) + " takes " + kind + ", not '" + invalid.group(2) + "'";
        }
        Matcher missing = MISSING.matcher(text.strip());
        if (ex instanceof MissingParameterException && missing.matches()) {
            // "Missing required parameters: 'HOST', 'PORT'" -> "missing HOST and PORT"
            return "missing " + missing.group(1).replace("'", "").replace(", ", " and ");
        }
        return String.join(" ", text.strip().split("\\s*\\R\\s*"));
    }

    /**
     * "--server-cmd takes one argument: put the whole command in quotes: --server-cmd 'python3 server.py {port}'" if
     * a command option is followed by more words than its one value, else null.
     */
    static String forgottenQuote(String[] args, CommandSpec spec) {
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!COMMAND_OPTIONS.contains(option) || spec.findOption(option) == null) {
                continue;
            }
            List<String> words = new ArrayList<>();
            int next = i + 1;
            if (arg.contains("=")) {
                words.add(arg.substring(arg.indexOf('=') + 1));
            } else if (next < list.size()) {
                words.add(list.get(next++));
            }
            while (next < list.size() && !list.get(next).startsWith("-")) {
                words.add(list.get(next++));
            }
            if (words.size() > 1 && !words.get(0).contains(" ")) {
                return option + " takes one argument: put the whole command in quotes: " + option + " '"
                        + String.join(" ", words) + "'";
            }
        }
        return null;
    }
}
