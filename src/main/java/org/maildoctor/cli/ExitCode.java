package org.maildoctor.cli;

/** Process exit codes shared by every command (documented in README.md). */
public final class ExitCode {
    /** The command ran and found nothing wrong. */
    public static final int OK = 0;
    /** The command ran and the check found problems (e.g. NXDOMAIN, a failing audit). */
    public static final int PROBLEMS = 1;
    /** Bad usage or bad input: unknown option, malformed argument, unreadable file. */
    public static final int USAGE = 2;
    /** Network or runtime failure: DNS unreachable or timed out, database unavailable, port taken. */
    public static final int RUNTIME = 3;

    private ExitCode() {
    }
}
