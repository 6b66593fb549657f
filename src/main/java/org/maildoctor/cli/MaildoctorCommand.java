package org.maildoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code maildoctor} command: one subcommand per capability. */
@Command(
        name = "maildoctor",
        mixinStandardHelpOptions = true,
        // -h/--help and -V/--version on every subcommand too
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Self-hosted email deliverability: bounces, sender audit, verification, deliverability test, warm-up.",
        subcommands = {
            DmarcCommand.class,
            AnalyzeCommand.class,
            ContentCommand.class,
            DkimCommand.class,
            BounceCommand.class,
            BlocklistCommand.class,
            DnsCommand.class,
            DomainCommand.class,
            ExplainCommand.class,
            GenerateCommand.class,
            MtaStsCommand.class,
            PlacementCommand.class,
            ServeCommand.class,
            SettingsCommand.class,
            SpfCommand.class,
            StoreCommand.class,
            TestCommand.class,
            VerifyCommand.class,
            WarmupCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the check found problems",
            "  2  bad usage or input",
            "  3  network or runtime failure",
        })
public final class MaildoctorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
