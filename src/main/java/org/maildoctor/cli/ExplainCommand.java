package org.maildoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.report.ExplanationReport;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Explainer;
import org.maildoctor.smtp.Explanation;
import org.maildoctor.smtp.KnowledgeBase;
import org.maildoctor.smtp.KnowledgeEntry;
import org.maildoctor.smtp.Provider;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.RegisteredCode;
import org.maildoctor.smtp.StatusCodeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code maildoctor explain "550 5.1.1 ..."}: what an SMTP reply means and what to do about it.
 * JSON schema: docs/cli-explain.md.
 */
@Command(name = "explain", description = "Explain an SMTP reply or bounce line in plain words (use - to read stdin).")
public final class ExplainCommand extends BaseCommand {

    /** A pasted bounce can be long; anything past this is not part of a reply. */
    private static final int MAX_STDIN = 1024 * 1024;

    @Parameters(index = "0", paramLabel = "REPLY",
            description = "The reply, e.g. \"550 5.1.1 <jane@example.org>: User unknown\"; multi-line replies welcome.")
    String reply;

    /** Where {@code -} reads from; tests replace it. */
    static InputStream stdin = System.in;

    @Override
    protected int run() {
        String input = "-".equals(reply) ? readStdin() : reply;
        return switch (Explainer.standard().explain(input)) {
            case Explainer.Result.NotExplained n ->
                throw CliException.usage("not an SMTP reply: " + n.reason());
            case Explainer.Result.Explained e -> {
                if (global.json) {
                    output().json(toJson(e.explanation()));
                } else {
                    printText(e.explanation());
                }
                yield ExitCode.OK;
            }
        };
    }

    private static String readStdin() {
        try {
            byte[] bytes = stdin.readNBytes(MAX_STDIN);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read stdin: " + e.getMessage());
        }
    }

    /** The stable JSON document (shared with the REST API); see {@link ExplanationReport}. */
    static Map<String, Object> toJson(Explanation x) {
        return ExplanationReport.toMap(x);
    }

    private void printText(Explanation x) {
        Output out = output();
        x.replyCode().ifPresent(c -> out.line(label("Reply code") + c + " - " + c.meaning()));
        x.status().ifPresent(s -> out.line(label("Status") + s + " - " + statusTitle(s)));
        out.line(label("Reason") + x.reason().code() + " - " + x.reason().summary());
        out.line(label("Hard/soft") + (x.reason() == Reason.DELIVERED ? "not a bounce - the server accepted the request"
                : x.hard() ? "hard bounce - the address is bad; remove it from your lists"
                : "soft bounce - do not remove the address for this alone"));
        x.reply().provider().ifPresent(p -> out.line(label("Provider") + p.key()));
        if (x.reply().hasClassMismatch()) {
            out.line(label("Note") + "the basic code and the enhanced code disagree on temporary vs permanent;"
                    + " the basic code decides what the sending server does");
        }
        out.line("");
        out.line(x.title() + ":");
        out.line("  " + x.meaning());
        section(out, "Likely causes", x.causes());
        section(out, "What to do (sender)", x.fixesForSender());
        section(out, "What to do (mail admin)", x.fixesForAdmin());
        if (!x.providerNotes().isEmpty()) {
            out.line("");
            out.line("Provider notes:");
            x.reply().provider().filter(x.providerNotes()::containsKey)
                    .ifPresent(p -> out.line("  " + display(p) + ": " + x.providerNotes().get(p)));
            x.providerNotes().forEach((p, note) -> {
                if (x.reply().provider().filter(p::equals).isEmpty()) {
                    out.line("  " + display(p) + ": " + note);
                }
            });
        }
    }

    private static String statusTitle(EnhancedStatus s) {
        return KnowledgeBase.standard().forStatus(s).map(KnowledgeEntry::title)
                .or(() -> StatusCodeRegistry.standard().lookup(s).map(RegisteredCode::sampleText))
                .orElse(s.subjectMeaning());
    }

    private static void section(Output out, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.line("");
        out.line(heading + ":");
        items.forEach(i -> out.line("  - " + i));
    }

    private static String label(String name) {
        return String.format(Locale.ROOT, "%-12s", name + ":");
    }

    private static String display(Provider p) {
        return switch (p) {
            case GMAIL -> "Gmail";
            case MICROSOFT -> "Microsoft";
            case YAHOO -> "Yahoo";
        };
    }
}
