package org.narformer.cli;

import java.io.PrintWriter;

import org.narformer.BadInputException;
import org.narformer.NarFormerException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code narformer} command line. Each subcommand turns its options into a config and calls one library
 * facade; errors become one-line messages and {@link ExitCode}s (a stack trace only with {@code --verbose}).
 */
@Command(name = "narformer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Neural network representation learning: predict a network's latency or accuracy "
                + "with NAR-Former V2 / NAR-Former.",
        subcommands = {InspectCommand.class, DataCommand.class, TrainCommand.class, EvaluateCommand.class,
            PredictCommand.class, ServeCommand.class, RunsCommand.class, ZooCommand.class, ProfileCommand.class, LatencyCommand.class, ExperimentCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:error", "2:usage error", "3:bad input (the message names file and line or node)",
                "5:partial failure (some items of a batch failed; the others were processed)"})
public final class NarFormerCli implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new NarFormerCli());
        cli.setExecutionExceptionHandler(NarFormerCli::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("narformer: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        return cli.execute(args);
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult != null && parseResult.hasMatchedOption("--verbose");
        PrintWriter err = cmd.getErr();
        err.println("narformer: " + describe(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(ex).code();
    }

    /**
     * Reports a failure of one item of a batch on standard error: one line, plus the stack trace with
     * {@code --verbose}. Batch commands call this and go on with the next item.
     */
    void report(Exception ex) {
        System.err.println("narformer: " + describe(ex));
        if (verbose) {
            ex.printStackTrace(System.err);
        }
    }

    /** The one-line message a user sees for an exception. */
    static String describe(Throwable ex) {
        if (ex instanceof NarFormerException) {
            return ex.getMessage();
        }
        String msg = ex.getMessage();
        return ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    static ExitCode exitCodeOf(Throwable ex) {
        return ex instanceof BadInputException ? ExitCode.BAD_INPUT : ExitCode.ERROR;
    }
}
