package org.maildoctor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.auth.spf.SpfResult;
import org.maildoctor.auth.spf.SpfVerifier;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.RecordType;

/**
 * Runs the openspf RFC 7208 suite in a loop, in-process, for the side-by-side with pyspf
 * (bench/spf-vs-pyspf.sh). Zones follow the same rules as RfcSuiteTest (and pyspf's own driver):
 * SPF-type data counts as TXT when a name has no TXT, "TIMEOUT" makes the unlisted types time out.
 * DNS is uncached in-memory, as in the Python driver, so both sides do the same lookups per check.
 *
 * <p>Usage: {@code SpfSuiteLoop YAML [warmupRounds] [rounds]}; prints pass count and µs per check.
 */
public final class SpfSuiteLoop {
    record Case(String id, InetAddress ip, String mailfrom, String helo, List<SpfResult> accepted,
                SpfVerifier verifier) {
    }

    public static void main(String[] args) throws IOException {
        Path yaml = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        List<Case> cases = load(yaml);
        int passed = 0;
        for (Case c : cases) {
            if (c.accepted().contains(c.verifier().checkMailFrom(c.ip(), c.mailfrom(), c.helo()).result())) {
                passed++;
            }
        }
        long sink = 0;
        for (int r = 0; r < warmup; r++) { // let the JIT compile the hot paths before timing
            sink += runAll(cases);
        }
        long t0 = BenchClock.nanos();
        for (int r = 0; r < rounds; r++) {
            sink += runAll(cases);
        }
        long elapsed = BenchClock.nanos() - t0;
        long checks = (long) rounds * cases.size();
        System.out.printf(Locale.ROOT, "maildoctor SPF: %d/%d suite tests pass; %d checks (%d rounds, %d warm-up) "
                        + "in %.3f s: %.2f us/check (sink %d)%n",
                passed, cases.size(), checks, rounds, warmup, elapsed / 1e9, elapsed / 1e3 / checks, sink);
    }

    private static long runAll(List<Case> cases) {
        long sink = 0;
        for (Case c : cases) {
            SpfEvaluation e = c.verifier().checkMailFrom(c.ip(), c.mailfrom(), c.helo());
            sink += e.result().ordinal(); // keeps the result alive so the work cannot be dropped
        }
        return sink;
    }

    static List<Case> load(Path yaml) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        List<Case> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(yaml);
             MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(in)) {
            while (docs.hasNext()) {
                JsonNode scenario = docs.next();
                if (scenario == null || scenario.isNull() || !scenario.has("tests")) {
                    continue;
                }
                SpfVerifier verifier = SpfVerifier.using(zone(scenario.get("zonedata")), clock)
                        .withDefaultExplanation("DEFAULT");
                for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("tests").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> t = it.next();
                    JsonNode v = t.getValue();
                    List<SpfResult> accepted = new ArrayList<>();
                    JsonNode r = v.get("result");
                    if (r.isArray()) {
                        r.forEach(x -> accepted.add(SpfResult.fromKeyword(x.asText())));
                    } else {
                        accepted.add(SpfResult.fromKeyword(r.asText()));
                    }
                    out.add(new Case(t.getKey(), DnsNames.parseIpLiteral(v.get("host").asText()).orElseThrow(),
                            v.path("mailfrom").asText(""), v.path("helo").asText(""), accepted, verifier));
                }
            }
        }
        return out;
    }

    /** Same zone rules as src/test/.../RfcSuiteTest#zone. */
    static MapZone zone(JsonNode zonedata) {
        MapZone z = new MapZone();
        if (zonedata == null) {
            return z;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = zonedata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String n;
            try {
                n = DnsNames.normalize(e.getKey());
            } catch (IllegalArgumentException bad) {
                continue; // an owner name the resolver could never be asked for
            }
            z.exists(n);
            boolean hasTxtKey = false;
            for (JsonNode entry : e.getValue()) {
                hasTxtKey |= entry.isObject() && entry.has("TXT");
            }
            Set<RecordType> listed = EnumSet.noneOf(RecordType.class);
            boolean timeout = false;
            for (JsonNode entry : e.getValue()) {
                if (entry.isTextual() && entry.asText().equals("TIMEOUT")) {
                    timeout = true;
                    continue;
                }
                Map.Entry<String, JsonNode> kv = entry.fields().next();
                String type = kv.getKey().toUpperCase(Locale.ROOT);
                JsonNode value = kv.getValue();
                if (value.isTextual() && value.asText().equals("NONE")) {
                    continue;
                }
                switch (type) {
                    case "SPF" -> {
                        if (!hasTxtKey) {
                            z.txt(n, strings(value));
                        }
                    }
                    case "TXT" -> z.txt(n, strings(value));
                    case "A" -> z.a(n, value.asText());
                    case "AAAA" -> z.aaaa(n, value.asText());
                    case "MX" -> {
                        String exchange = value.get(1).asText();
                        z.mx(n, value.get(0).asInt(), exchange.isEmpty() ? "." : exchange);
                    }
                    case "PTR" -> z.ptr(n, value.asText());
                    case "CNAME" -> z.cname(n, value.asText());
                    default -> throw new IllegalStateException("unknown zonedata type " + type);
                }
                if (!type.equals("SPF")) {
                    listed.add(RecordType.valueOf(type));
                }
            }
            if (timeout) {
                for (RecordType t : RecordType.values()) {
                    if (!listed.contains(t)) {
                        z.timeout(n, t);
                    }
                }
            }
        }
        return z;
    }

    private static String[] strings(JsonNode value) {
        if (value.isArray()) {
            List<String> s = new ArrayList<>();
            value.forEach(x -> s.add(x.asText()));
            return s.toArray(String[]::new);
        }
        return new String[] {value.asText()};
    }
}
