package org.maildoctor.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by the web shell work. */
@Command(name = "serve", description = "Start the web interface and REST API.")
public final class ServeCommand extends BaseCommand {
    @Override
    protected int run() {
        throw CliException.runtime("not implemented yet");
    }
}
