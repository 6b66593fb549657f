package org.maildoctor.cli;

import picocli.CommandLine.Command;

/** {@code maildoctor bounce ...}: bounce parsing. The parser is pure; reading files is done in adapters. */
@Command(name = "bounce", description = "Parse bounces, feedback reports and auto-replies.",
        subcommands = BounceParseCommand.class)
public final class BounceCommand implements Runnable {

    /** Accepted here too, so global options may come before the subcommand ("bounce --json parse"). */
    @picocli.CommandLine.Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: parse");
    }

    public enum Format { jsonl, csv, table }
}
