package org.maildoctor.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code maildoctor} command: one subcommand per capability. They are registered by
 * {@link #addSubcommands} rather than in {@code @Command(subcommands = ...)} so that a run can build only the one it needs.
 */
@Command(
        name = "maildoctor",
        mixinStandardHelpOptions = true,
        // -h/--help and -V/--version on every subcommand too
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Self-hosted email deliverability: bounces, sender audit, verification, deliverability test, warm-up.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the check found problems",
            "  2  bad usage or input",
            "  3  network or runtime failure",
        })
public final class MaildoctorCommand implements Runnable {

    /** Every subcommand, in help order, by the name it is invoked with (its {@code @Command} name; none has aliases). */
    static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS = List.of(
            Map.entry("dmarc", DmarcCommand.class),
            Map.entry("analyze", AnalyzeCommand.class),
            Map.entry("content", ContentCommand.class),
            Map.entry("dkim", DkimCommand.class),
            Map.entry("bounce", BounceCommand.class),
            Map.entry("blocklist", BlocklistCommand.class),
            Map.entry("dns", DnsCommand.class),
            Map.entry("domain", DomainCommand.class),
            Map.entry("explain", ExplainCommand.class),
            Map.entry("generate", GenerateCommand.class),
            Map.entry("mta-sts", MtaStsCommand.class),
            Map.entry("placement", PlacementCommand.class),
            Map.entry("serve", ServeCommand.class),
            Map.entry("settings", SettingsCommand.class),
            Map.entry("spf", SpfCommand.class),
            Map.entry("store", StoreCommand.class),
            Map.entry("test", TestCommand.class),
            Map.entry("verify", VerifyCommand.class),
            Map.entry("warmup", WarmupCommand.class));

    /**
     * Registers on {@code root} only the subcommand named {@code first} when there is one, else all of them. Building
     * every subcommand tree by reflection was most of the start-up time; when the first argument names none (no
     * arguments, an option, a typo), help, "Did you mean" and error messages need the full list.
     */
    static void addSubcommands(CommandLine root, String first) {
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS) {
            if (sub.getKey().equals(first)) {
                root.addSubcommand(sub.getKey(), sub.getValue());
                return;
            }
        }
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS) {
            root.addSubcommand(sub.getKey(), sub.getValue());
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
