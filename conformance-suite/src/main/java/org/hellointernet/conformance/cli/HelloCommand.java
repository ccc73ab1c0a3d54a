package org.hellointernet.conformance.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hellointernet.client.ClientCommand;
import org.hellointernet.conformance.bench.BenchCommand;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code hello} launcher's top command: one entry point for every tool of the kit. */
@Command(
        name = "hello",
        mixinStandardHelpOptions = true,
        versionProvider = KitVersion.class,
        description = {
            "HelloInternet kit: the protocol's reference server and client, and conformance",
            "checks for anyone's server or client.",
            "",
            "Quick start:",
            "  hello server 5000                 run the reference server on port 5000",
            "  hello client localhost 5000       say hello to a server",
            "  hello check                       check the reference server and client",
            "  hello check --server-cmd 'python3 server.py {port}'   check your server",
            "  hello matrix DIR... --html m.html every client against every server",
            "  hello report results/*.json       fold many check results into one class view",
            "  hello rules                       list the protocol's rules",
            "  hello bench localhost:5000        load a server here: its rate and latency"
        },
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the command ran and failed (see its own --help)",
            "2:usage error (unknown command, missing or bad argument)"
        })
public final class HelloCommand implements Callable<Integer> {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            ServerCommand.class,
            ClientCommand.class,
            CheckCommand.class,
            MatrixCommand.class,
            ReportCommand.class,
            InitCommand.class,
            RulesCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: choose one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * The command line with the kit's conventions: exit code 2 for usage errors, which are said in one line with the
     * command's short usage (not its whole help).
     */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name, when they name one (its model is all
     * that is needed, and picocli builds each model from annotations at start: every subcommand's costs about 50 ms
     * more); with all of them otherwise (the help, an unknown command).
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class
                        && (command.name().equals(args[0])
                                || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cmd = new CommandLine(new HelloCommand());
        for (Class<?> c : subcommands) {
            cmd.addSubcommand(c);
        }
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(new UsageErrors());
        return cmd;
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("check") || args[0].equals("matrix"))) {
            RuleBook.readAhead();
        }
        System.exit(commandLine(args).execute(args));
    }
}
