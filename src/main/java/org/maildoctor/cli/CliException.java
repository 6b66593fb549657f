package org.maildoctor.cli;

/**
 * A failure the user should see as one line on stderr, with a chosen exit code. Commands throw it
 * instead of printing and returning, so the message format and exit code are decided in one place.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException runtime(String message) {
        return new CliException(ExitCode.RUNTIME, message);
    }

    public static CliException runtime(String message, Throwable cause) {
        return new CliException(ExitCode.RUNTIME, message, cause);
    }
}
