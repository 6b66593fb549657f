package org.maildoctor.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.content.SecondOpinion;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;
import org.maildoctor.receiver.score.CatalogueBlocklistLookup;
import org.maildoctor.receiver.score.Envelope;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.receiver.score.ScoreCard;
import org.maildoctor.report.ScoreCardJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor analyze MESSAGE.eml --client-ip IP --helo NAME --mail-from ADDR}: the deliverability score offline. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score a saved message out of 10 as a receiver would: SPF (MAIL FROM and HELO), DKIM, DMARC,",
            "ARC, reverse DNS, blocklists (client IP, From, Return-Path and link domains), headers, the bulk-sender checklist and the template checker; every deduction",
            "with its explanation and fix; with --spamd/--rspamd also a real engine's verdict (not part of the score).",
            "Exit 0 when nothing costs points, 1 otherwise."})
final class AnalyzeCommand extends BaseCommand {
    /** The DNS layer times out each query; this bounds a pathological chain of them. */
    static final long MAX_SECONDS = 120;

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "The message file (raw RFC 5322, .eml).")
    Path file;

    @Option(names = "--client-ip", paramLabel = "IP", required = true,
            description = "The address the message came from (for SPF and reverse DNS).")
    String clientIp;

    @Option(names = "--helo", paramLabel = "NAME", required = true, description = "The EHLO/HELO name the client sent.")
    String helo;

    @Option(names = "--mail-from", paramLabel = "ADDR", required = true,
            description = "The SMTP MAIL FROM (envelope sender); '' or '<>' for the null sender.")
    String mailFrom;

    @Mixin
    BlocklistOptions blocklistOptions;

    @Mixin
    SecondOpinionOptions secondOpinion;

    @Option(names = "--tls", description = "The message was received over TLS (default: assume it was).",
            negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean tls;

    @Override
    protected int run() {
        byte[] message = DkimCommand.read(file);
        InetAddress ip = DnsNames.parseIpLiteral(clientIp)
                .orElseThrow(() -> CliException.usage("--client-ip: '" + clientIp + "' is not an IP address"));
        String from = mailFrom.strip().replaceAll("^<|>$", "");
        Envelope env = new Envelope(ip, helo.strip(), from, List.of(), tls);
        Resolver resolver = Wiring.resolver(global);
        MessageAnalyzer analyzer = new MessageAnalyzer(resolver, Clock.systemUTC(),
                new CatalogueBlocklistLookup(BlocklistWiring.checker(global, blocklistOptions, resolver)), "maildoctor");
        ScoreCard card;
        try {
            card = analyzer.analyze(message, env).get(MAX_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw CliException.runtime("the analysis did not finish within " + MAX_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.runtime("interrupted");
        } catch (Exception e) {
            throw CliException.runtime("the analysis failed: " + e.getMessage(), e);
        }
        List<SecondOpinion> opinions = SecondOpinionOptions.ask(secondOpinion.engines(global.timeout,
                envelopeHeaders(ip, helo.strip(), from)), message);
        Output out = output();
        if (global.json) {
            Map<String, Object> doc = new LinkedHashMap<>(ScoreCardJson.toMap(card));
            if (!opinions.isEmpty()) {
                doc.put("secondOpinions", SecondOpinionOptions.json(opinions));
            }
            out.json(doc);
        } else {
            ScoreCardText.print(out, card);
            SecondOpinionOptions.print(out, opinions);
        }
        return card.problems().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** rspamd's request headers for the SMTP envelope, so its SPF and HELO rules see what ours see. */
    static Map<String, String> envelopeHeaders(InetAddress ip, String helo, String mailFrom) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("IP", ip.getHostAddress());
        if (!helo.isEmpty()) {
            h.put("Helo", helo);
        }
        if (!mailFrom.isEmpty()) {
            h.put("From", mailFrom);
        }
        return h;
    }
}
