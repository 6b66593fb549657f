package org.maildoctor.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maildoctor.content.SecondOpinion;
import org.maildoctor.content.adapter.RspamdClient;
import org.maildoctor.content.adapter.SpamdClient;
import org.maildoctor.report.SecondOpinionJson;
import picocli.CommandLine.Option;

/**
 * {@code --spamd HOST[:PORT]} and {@code --rspamd URL}: a real engine's verdict next to ours, for
 * {@code content check}, {@code analyze} and {@code serve} (also {@code MAILDOCTOR_SPAMD} / {@code MAILDOCTOR_RSPAMD}).
 */
public final class SecondOpinionOptions {
    public static final int SPAMD_PORT = 783;

    @Option(names = "--spamd", paramLabel = "HOST[:PORT]",
            description = "Also ask SpamAssassin's spamd (SPAMC/SPAMD protocol; port default 783).")
    public String spamd;

    @Option(names = "--rspamd", paramLabel = "URL",
            description = "Also ask rspamd over its HTTP API (the normal worker, e.g. http://127.0.0.1:11333).")
    public String rspamd;

    /** The configured engines, each with the command's --timeout; an empty list when none is. */
    public List<SecondOpinion.Engine> engines(Duration timeout, Map<String, String> envelope) {
        List<SecondOpinion.Engine> out = new ArrayList<>();
        try {
            if (spamd != null && !spamd.isBlank()) {
                HostPort hp = HostPort.parse(spamd, SPAMD_PORT);
                out.add(new SpamdClient(hp.host(), hp.port(), timeout));
            }
            if (rspamd != null && !rspamd.isBlank()) {
                out.add(new RspamdClient(rspamd, timeout).withEnvelope(envelope));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return out;
    }

    static List<SecondOpinion> ask(List<SecondOpinion.Engine> engines, byte[] message) {
        return engines.stream().map(e -> e.check(message)).toList();
    }

    static void print(Output out, List<SecondOpinion> opinions) {
        for (SecondOpinion o : opinions) {
            out.line(o.summary());
            o.verdict().ifPresent(v -> v.rules().stream().filter(r -> r.score() != 0).limit(10).forEach(r ->
                    out.line(String.format(java.util.Locale.ROOT, "  %6.1f %-24s %s", r.score(), r.name(), r.description()))));
        }
    }

    static List<Map<String, Object>> json(List<SecondOpinion> opinions) {
        return opinions.stream().map(SecondOpinionJson::toMap).toList();
    }
}
