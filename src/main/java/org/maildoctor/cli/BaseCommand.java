package org.maildoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command: the global options, and output bound to picocli's writers so tests
 * can capture it. Subclasses implement {@link #run()} and return an {@link ExitCode}; failures are
 * thrown as {@link CliException} and turned into one line on stderr by {@link Main}.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    protected GlobalOptions global;

    @Spec
    protected CommandSpec spec;

    /** Set when the command was made without picocli ({@link BounceParseArgs}), which has no spec then. */
    private Output output;

    void outputTo(Output output) {
        this.output = output;
    }

    protected Output output() {
        return output != null ? output : new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    protected abstract int run() throws Exception;
}
