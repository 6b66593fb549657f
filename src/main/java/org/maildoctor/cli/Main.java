package org.maildoctor.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: builds the command line, maps failures to exit codes and one-line messages. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
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
            cl = commandLine(ConfigDefaultProvider.fromEnvironment());
        } catch (CliException e) {
            err.println("maildoctor: " + e.getMessage());
            return e.exitCode();
        }
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine(ConfigDefaultProvider defaults) {
        CommandLine cl = new CommandLine(new MaildoctorCommand());
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
            LOG.debug("command failed", ce);
            return ce.exitCode();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("maildoctor: unexpected failure: " + message);
        LOG.debug("command failed", ex);
        return ExitCode.RUNTIME;
    }
}
