package org.maildoctor.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by the DNS layer work. */
@Command(name = "dns", description = "Look up DNS records through maildoctor's resolver.")
public final class DnsCommand extends BaseCommand {
    @Override
    protected int run() {
        throw CliException.runtime("not implemented yet");
    }
}
