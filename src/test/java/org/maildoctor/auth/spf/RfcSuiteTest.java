package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
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
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/**
 * Runs the openspf community suites as data (DESIGN.md example 5), following the zone rules of
 * {@code ../shared/corpora/spf/README.md}: each scenario's zonedata becomes a {@link FakeZone},
 * every test is checked, any listed result is accepted and the explanation compared when given.
 * Every deviation not in {@link #SKIPS} fails the test, listed one per line.
 */
class RfcSuiteTest {

    /**
     * Tests not run, each with the reason. The goal is none; a skipped test that starts passing
     * fails this class, so the list cannot go stale.
     */
    static final Map<String, String> SKIPS = Map.of();

    record Case(String scenario, String id, String host, String mailfrom, String helo, List<SpfResult> accepted,
                String explanation, FakeZone zone) {
    }

    record Outcome(int total, int skipped, List<String> deviations) {
        int passed() {
            return total - skipped - deviations.size();
        }

        String summary(String suite) {
            return suite + " suite: " + passed() + "/" + total + " passed" + (skipped == 0 ? ""
                    : ", " + skipped + " skipped (" + String.join(", ", SKIPS.keySet()) + ")");
        }
    }

    @Test
    void rfc7208SuitePassesCompletely() throws IOException {
        Outcome o = run("/corpora/spf/rfc7208-tests.yml");
        System.out.println(o.summary("RFC 7208"));
        assertThat(o.total()).isEqualTo(203);
        assertThat(o.deviations()).as("deviations from the RFC 7208 suite").isEmpty();
    }

    @Test
    void rfc4408SuitePassesCompletely() throws IOException {
        Outcome o = run("/corpora/spf/rfc4408-tests.yml");
        System.out.println(o.summary("RFC 4408"));
        assertThat(o.total()).isEqualTo(191);
        assertThat(o.deviations()).as("deviations from the RFC 4408 suite").isEmpty();
    }

    /** Runs every test of a suite-format YAML resource. */
    static Outcome run(String resource) throws IOException {
        List<String> deviations = new ArrayList<>();
        int skipped = 0;
        List<Case> cases = load(resource);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        for (Case c : cases) {
            SpfVerifier verifier = SpfVerifier.using(c.zone(), clock).withDefaultExplanation("DEFAULT");
            InetAddress ip = DnsNames.parseIpLiteral(c.host()).orElseThrow();
            SpfEvaluation e = verifier.checkMailFrom(ip, c.mailfrom(), c.helo());
            boolean resultOk = c.accepted().contains(e.result());
            // The suite README: "Host names are compared without regard to case"; v-macro-ip6 expects
            // the nibbles of %{ir} in the zone owner's spelling (upper case), hence ignoring case.
            boolean explanationOk = c.explanation() == null
                    || e.explanation().map(x -> x.equalsIgnoreCase(c.explanation())).orElse(false);
            if (SKIPS.containsKey(c.id())) {
                skipped++;
                if (resultOk && explanationOk) {
                    deviations.add(c.id() + " is on the skip list but passes: remove it from SKIPS");
                }
                continue;
            }
            if (!resultOk || !explanationOk) {
                deviations.add(c.scenario() + " / " + c.id() + ": expected " + c.accepted()
                        + (c.explanation() == null ? "" : " with explanation '" + c.explanation() + "'")
                        + ", got " + e.result() + e.explanation().map(x -> " with explanation '" + x + "'").orElse("")
                        + " (" + e.reason() + ")");
            }
        }
        return new Outcome(cases.size(), skipped, deviations);
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = RfcSuiteTest.class.getResourceAsStream(resource);
             MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(in)) {
            while (docs.hasNext()) {
                JsonNode scenario = docs.next();
                if (scenario == null || scenario.isNull() || !scenario.has("tests")) {
                    continue;
                }
                FakeZone zone = zone(scenario.get("zonedata"));
                String title = scenario.path("description").asText();
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
                    out.add(new Case(title, t.getKey(), v.get("host").asText(), v.path("mailfrom").asText(""),
                            v.path("helo").asText(""), accepted,
                            v.has("explanation") ? v.get("explanation").asText() : null, zone));
                }
            }
        }
        return out;
    }

    /** The suite's zonedata as a FakeZone (rules in the suite README; they match pyspf's driver). */
    static FakeZone zone(JsonNode zonedata) {
        FakeZone.Builder b = FakeZone.builder();
        if (zonedata == null) {
            return b.build();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = zonedata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String n;
            try {
                n = DnsNames.normalize(name);
            } catch (IllegalArgumentException bad) {
                continue; // an owner name our resolver could never be asked for
            }
            b.exists(n);
            boolean hasTxtKey = false;
            for (JsonNode entry : e.getValue()) {
                if (entry.isObject() && entry.has("TXT")) {
                    hasTxtKey = true;
                }
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
                            b.txt(n, strings(value)); // RFC 7208 readers see type-99 data only as TXT copies
                        }
                    }
                    case "TXT" -> {
                        b.txt(n, strings(value));
                        listed.add(RecordType.TXT);
                    }
                    case "A" -> {
                        b.a(n, value.asText());
                        listed.add(RecordType.A);
                    }
                    case "AAAA" -> {
                        b.aaaa(n, value.asText());
                        listed.add(RecordType.AAAA);
                    }
                    case "MX" -> {
                        String exchange = value.get(1).asText();
                        b.mx(n, value.get(0).asInt(), exchange.isEmpty() ? "." : exchange);
                        listed.add(RecordType.MX);
                    }
                    case "PTR" -> {
                        b.ptr(n, value.asText());
                        listed.add(RecordType.PTR);
                    }
                    case "CNAME" -> {
                        b.cname(n, value.asText());
                        listed.add(RecordType.CNAME);
                    }
                    default -> throw new IllegalStateException("unknown zonedata type " + type + " at " + name);
                }
            }
            if (timeout) {
                for (RecordType t : RecordType.values()) {
                    if (!listed.contains(t)) {
                        b.timeout(n, t);
                    }
                }
            }
        }
        return b.build();
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
