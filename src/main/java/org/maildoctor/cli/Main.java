package org.maildoctor.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: builds the command line, maps failures to exit codes and one-line messages. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new Output.ProcessStream(System.out, 1);
        PrintWriter err = new Output.ProcessStream(System.err, 2);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        // `serve` returns only when the server has stopped; a non-daemon thread must not keep us alive.
        System.exit(code);
    }

    /** Runs one command with the given writers; returns its exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl;
        try {
            ConfigDefaultProvider defaults = ConfigDefaultProvider.fromEnvironment();
            BounceParseCommand bounceParse = BounceParseArgs.read(args, defaults);
            if (bounceParse != null) {
                return runWithoutPicocli(bounceParse, out, err);
            }
            cl = commandLine(defaults, args);
        } catch (CliException e) {
            err.println("maildoctor: " + e.getMessage());
            return e.exitCode();
        }
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** A command whose arguments were read without picocli, its failures handled as picocli's handler below does. */
    private static int runWithoutPicocli(BaseCommand command, PrintWriter out, PrintWriter err) {
        command.outputTo(new Output(out, err));
        try {
            return command.call();
        } catch (Exception e) {
            return handle(e, err);
        }
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine(ConfigDefaultProvider defaults) {
        return commandLine(defaults, new String[0]);
    }

    /** The command line for these arguments: only the subcommand they start with, if they start with one. */
    public static CommandLine commandLine(ConfigDefaultProvider defaults, String[] args) {
        CommandLine cl = new CommandLine(new MaildoctorCommand());
        // before the settings below: picocli applies them only to the subcommands already registered
        MaildoctorCommand.addSubcommands(cl, args.length == 0 ? null : args[0]);
        cl.setDefaultValueProvider(defaults);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine.getErr()));
        return cl;
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("maildoctor: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            cl.usage(err, cl.getColorScheme());
        }
        return ExitCode.USAGE;
    }

    /** One line on stderr, never a stack trace (set MAILDOCTOR_LOG_LEVEL=DEBUG to log it). */
    static int handle(Exception ex, PrintWriter err) {
        Throwable t = ex;
        while (!(t instanceof CliException) && t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        if (t instanceof CliException ce) {
            err.println("maildoctor: " + ce.getMessage());
            log().debug("command failed", ce);
            return ce.exitCode();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("maildoctor: unexpected failure: " + message);
        log().debug("command failed", ex);
        return ExitCode.RUNTIME;
    }

    /** Only on failure: initialising logging costs ~35 ms of start-up that a successful run does not need. */
    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }
}
