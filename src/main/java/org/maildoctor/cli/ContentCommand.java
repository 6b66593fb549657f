package org.maildoctor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.maildoctor.content.ContentChecker;
import org.maildoctor.content.ContentReport;
import org.maildoctor.content.MessageContent;
import org.maildoctor.report.ScoreCardJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maildoctor content check FILE.eml|FILE.html}: the template checker. */
@Command(name = "content", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The template checker: spam-trigger phrases, HTML, links, images, attachments.",
        subcommands = {ContentCommand.Check.class})
final class ContentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Check a message (.eml) or an HTML template (.html/.htm) for content problems;",
                "score out of 10. Exit 0 when nothing was found, 1 otherwise."})
    static final class Check extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        protected int run() {
            byte[] bytes = DkimCommand.read(file);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            MessageContent m = name.endsWith(".html") || name.endsWith(".htm")
                    ? MessageContent.ofHtml(new String(bytes, StandardCharsets.UTF_8))
                    : MessageContent.parse(bytes);
            ContentReport r = ContentChecker.standard().check(m, Set.of());
            Output out = output();
            if (global.json) {
                out.json(ScoreCardJson.content(r));
            } else {
                ScoreCardText.print(out, r);
            }
            return r.findings().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }
}
