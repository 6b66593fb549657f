package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.receiver.server.TestAddresses;
import org.maildoctor.store.IssuedToken;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maildoctor test new|report}: the deliverability test's addresses and reports. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deliverability test: get an address, send your real message to it, read the score.",
        subcommands = {TestCommand.New.class, TestCommand.Report.class})
final class TestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: new or report");
    }

    @Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Issue a test address <token>@<test-domain>; the receiver of 'maildoctor serve'",
                "accepts mail for it until it expires."})
    static final class New extends StoreBackedCommand {
        @Option(names = "--test-domain", paramLabel = "DOMAIN", defaultValue = "localhost",
                description = "The domain whose MX points at the receiver (default: ${DEFAULT-VALUE}).")
        String testDomain;

        @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "24h",
                description = "How long the address accepts mail (default: ${DEFAULT-VALUE}).")
        Duration ttl;

        @Override
        protected int run(Store store) {
            if (!testDomain.strip().matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?")) {
                throw CliException.usage("--test-domain: '" + testDomain + "' is not a domain name");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw CliException.usage("--ttl must be positive");
            }
            TestAddresses.TestAddress a = TestAddresses.issue(store.tokens(), testDomain, ttl);
            Output out = output();
            if (global.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("address", a.address());
                doc.put("token", a.token());
                doc.put("expires", a.expires().toString());
                out.json(doc);
            } else {
                out.line(a.address());
                out.line("send your message to this address before " + a.expires()
                        + ", then: maildoctor test report " + a.token() + " --wait 60s");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"The score card of the newest message received for TOKEN.",
                "Exit 0 when it costs no points, 1 when it has problems or nothing arrived (in time)."})
    static final class Report extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Wait up to this long for a message and its analysis (e.g. 60s; default: do not wait).")
        Duration wait;

        @Override
        protected int run(Store store) throws InterruptedException {
            String t = token.strip().toLowerCase(Locale.ROOT);
            int at = t.indexOf('@');
            if (at > 0) {
                t = t.substring(0, at); // the whole address is fine too
            }
            final String tok = t;
            Optional<IssuedToken> issued = store.tokens().find(tok)
                    .filter(x -> x.purpose().equals(TestAddresses.PURPOSE));
            if (issued.isEmpty()) {
                throw CliException.usage("no test address was issued with token '" + token + "'");
            }
            long deadline = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
            Optional<ReceivedMessage> done;
            List<ReceivedMessage> all;
            while (true) {
                all = store.received().forToken(tok);
                done = all.reversed().stream().filter(m -> m.reportJson().isPresent()).findFirst();
                if (done.isPresent() || System.nanoTime() >= deadline) {
                    break;
                }
                Thread.sleep(Math.min(500, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            Output out = output();
            String address = TestAddresses.address(issued.get());
            if (done.isEmpty()) {
                String state = all.isEmpty() ? "waiting" : "analysing";
                if (global.json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("token", tok);
                    doc.put("address", address);
                    doc.put("status", state);
                    doc.put("messages", all.size());
                    out.json(doc);
                } else {
                    out.line(all.isEmpty() ? "no message has arrived at " + address + " yet"
                            : "a message arrived at " + address + "; its analysis is not finished yet");
                }
                return ExitCode.PROBLEMS;
            }
            ReceivedMessage m = done.get();
            Map<String, Object> card = parse(m.reportJson().get());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", tok);
            doc.put("address", address);
            doc.put("status", "analysed");
            doc.put("messageId", m.id());
            doc.put("receivedAt", m.receivedAt().toString());
            doc.put("messages", all.size());
            doc.putAll(card);
            if (global.json) {
                out.json(doc);
            } else {
                printText(out, address, m, card);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> checks = (List<Map<String, Object>>) card.get("checks");
            boolean problems = checks.stream().anyMatch(c -> "warn".equals(c.get("status")) || "fail".equals(c.get("status")));
            return problems ? ExitCode.PROBLEMS : ExitCode.OK;
        }

        private static Map<String, Object> parse(String json) {
            try {
                return Output.json().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw CliException.runtime("the stored report is not readable: " + e.getOriginalMessage());
            }
        }

        @SuppressWarnings("unchecked")
        private static void printText(Output out, String address, ReceivedMessage m, Map<String, Object> card) {
            out.line("message " + m.id() + " to " + address + " from " + m.clientIp() + " (HELO " + m.helo()
                    + ", MAIL FROM <" + m.mailFrom() + ">" + (m.tls() ? ", TLS" : ", no TLS") + ") at " + m.receivedAt());
            out.line(String.format(Locale.ROOT, "score: %.1f / 10", ((Number) card.get("score")).doubleValue()));
            Map<String, Object> auth = (Map<String, Object>) card.get("authentication");
            out.line("");
            out.line(String.valueOf(auth.get("authenticationResults")));
            out.line("");
            for (Map<String, Object> c : (List<Map<String, Object>>) card.get("checks")) {
                double d = ((Number) c.get("deduction")).doubleValue();
                out.line(String.format(Locale.ROOT, "  %-13s %-34s %s%s", c.get("status"), c.get("id"), c.get("explanation"),
                        d > 0 ? String.format(Locale.ROOT, " (-%.1f)", d) : ""));
                if (c.get("fix") != null && !"pass".equals(c.get("status"))) {
                    out.line("                fix: " + c.get("fix"));
                }
            }
        }
    }
}
