package org.maildoctor.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyRecord;
import org.maildoctor.auth.dkim.DkimKeyRecordParser;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.dmarc.AlignmentMode;
import org.maildoctor.auth.dmarc.DmarcParseResult;
import org.maildoctor.auth.dmarc.DmarcRecord;
import org.maildoctor.auth.dmarc.DmarcRecordParser;
import org.maildoctor.auth.dmarc.FailureOption;
import org.maildoctor.auth.dmarc.Policy;

/** DMARC, DKIM and MTA-STS/TLS-RPT generators; every record is re-parsed (round trip). */
class DmarcDkimMtaStsGeneratorTest {

    private static DmarcChoices dmarc(Policy p, List<String> rua, List<String> ruf) {
        return new DmarcChoices("mail.example.co.uk", p, Optional.of(Policy.REJECT), Optional.of(Policy.REJECT),
                OptionalInt.empty(), rua, ruf, AlignmentMode.STRICT, AlignmentMode.RELAXED,
                Set.of(FailureOption.ANY_FAIL, FailureOption.DKIM_FAIL));
    }

    private static DmarcRecord valid(String text) {
        DmarcParseResult r = DmarcRecordParser.parse(text);
        assertThat(r).as(text).isInstanceOf(DmarcParseResult.Valid.class);
        return ((DmarcParseResult.Valid) r).record();
    }

    @Test
    void dmarcRecordRoundTripsWithEveryTag() {
        DmarcProposal p = new DmarcGenerator().generate(dmarc(Policy.QUARANTINE,
                List.of("dmarc@example.co.uk", "mailto:agg@reports.example.net"), List.of("forensic@example.co.uk")));
        assertThat(p.record().name()).isEqualTo("_dmarc.mail.example.co.uk");
        assertThat(p.record().value()).isEqualTo("v=DMARC1; p=quarantine; sp=reject; np=reject; "
                + "rua=mailto:dmarc@example.co.uk,mailto:agg@reports.example.net; ruf=mailto:forensic@example.co.uk; "
                + "adkim=s; fo=1:d");
        DmarcRecord r = valid(p.record().value());
        assertThat(r.policy()).isEqualTo(Policy.QUARANTINE);
        assertThat(r.subdomainPolicy()).contains(Policy.REJECT);
        assertThat(r.nonExistentPolicy()).contains(Policy.REJECT);
        assertThat(r.dkimAlignment()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.aggregateReports()).hasSize(2);
        assertThat(r.failureOptions()).containsExactlyInAnyOrder(FailureOption.ANY_FAIL, FailureOption.DKIM_FAIL);
        // reports.example.net is another organization: it must authorize; example.co.uk is ours (PSL)
        assertThat(p.externalDestinations()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("mail.example.co.uk._report._dmarc.reports.example.net");
            assertThat(t.value()).isEqualTo("v=DMARC1");
            assertThat(DmarcRecordParser.startsWithVersion(t.value())).isTrue();
        });
    }

    @Test
    void rolloutGoesFromMonitoringThroughAQuarantineRampToReject() {
        List<RolloutStage> plan = new DmarcGenerator().generate(dmarc(Policy.REJECT, List.of("d@example.co.uk"),
                List.of())).rollout();
        assertThat(plan).extracting(RolloutStage::step).containsExactly(1, 2, 3, 4, 5);
        List<DmarcRecord> records = plan.stream().map(s -> valid(s.record())).toList();
        assertThat(records).extracting(DmarcRecord::policy).containsExactly(Policy.NONE, Policy.QUARANTINE,
                Policy.QUARANTINE, Policy.QUARANTINE, Policy.REJECT);
        assertThat(records).extracting(r -> r.percentage().orElse(100)).containsExactly(100, 25, 50, 100, 100);
        assertThat(records).allMatch(r -> !r.aggregateReports().isEmpty());
        assertThat(new DmarcGenerator().generate(dmarc(Policy.QUARANTINE, List.of(), List.of())).rollout())
                .hasSize(4).first().satisfies(s -> assertThat(s.moveOnWhen()).contains("Add rua="));
    }

    @Test
    void pctOtherThan100IsWrittenAndReportedDeprecated() {
        DmarcProposal p = new DmarcGenerator().generate(new DmarcChoices("example.org", Policy.QUARANTINE,
                Optional.empty(), Optional.empty(), OptionalInt.of(30), List.of("d@example.org"), List.of(),
                AlignmentMode.RELAXED, AlignmentMode.RELAXED, Set.of()));
        assertThat(p.record().value()).isEqualTo("v=DMARC1; p=quarantine; pct=30; rua=mailto:d@example.org");
        assertThat(valid(p.record().value()).percentage()).hasValue(30);
        assertThat(p.warnings()).anyMatch(w -> w.contains("pct"));
        assertThat(p.externalDestinations()).isEmpty();
    }

    @Test
    void badDmarcChoicesAreClearErrors() {
        assertThatThrownBy(() -> new DmarcGenerator().generate(new DmarcChoices("example.org", Policy.NONE,
                Optional.empty(), Optional.empty(), OptionalInt.of(101), List.of(), List.of(), AlignmentMode.RELAXED,
                AlignmentMode.RELAXED, Set.of()))).hasMessageContaining("pct");
        assertThatThrownBy(() -> new DmarcGenerator().generate(dmarc(Policy.NONE, List.of("not an address"),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rua");
    }

    @Test
    void dkimKeysRoundTripInStringsOf255Octets() {
        for (DkimAlgorithm.KeyType type : DkimAlgorithm.KeyType.values()) {
            GeneratedDkimKey key = new DkimGenerator().generate("example.org", "s1", type);
            TxtRecord txt = DkimGenerator.txt(key);
            assertThat(txt.name()).isEqualTo("s1._domainkey.example.org");
            assertThat(txt.strings()).allMatch(s -> s.length() <= 255);
            if (type == DkimAlgorithm.KeyType.RSA) {
                assertThat(txt.strings()).hasSizeGreaterThan(1); // 2048-bit SPKI is ~400 characters
                assertThat(key.bits()).isEqualTo(2048);
            }
            DkimKeyRecord.Parse parsed = DkimKeyRecordParser.parse(String.join("", txt.strings()));
            assertThat(parsed).as(type.name()).isInstanceOf(DkimKeyRecord.Parse.Valid.class);
            assertThat(((DkimKeyRecord.Parse.Valid) parsed).key().keyType()).isEqualTo(type);
        }
    }

    /** Our own minimal reading of RFC 8461 §3.2 (the full MTA-STS parser lives in another package). */
    private static Map<String, List<String>> policyFields(String body) {
        assertThat(body).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : body.split("\r\n")) {
            var match = Pattern.compile("([A-Za-z0-9_]+): ([\\x21-\\x7e]+)").matcher(line);
            assertThat(match.matches()).as(line).isTrue();
            m.computeIfAbsent(match.group(1), k -> new java.util.ArrayList<>()).add(match.group(2));
        }
        return m;
    }

    @Test
    void mtaStsPolicyTxtAndTlsRptRoundTrip() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T01:02:03Z"), ZoneOffset.UTC);
        MtaStsProposal p = new MtaStsGenerator(clock).generate(new MtaStsChoices("Example.org", MtaStsMode.ENFORCE,
                List.of("mx1.example.org", "*.backup.example.org."), MtaStsChoices.DEFAULT_MAX_AGE,
                List.of("tls@example.org", "https://reports.example.net/tlsrpt")));
        Map<String, List<String>> f = policyFields(p.policyFile());
        assertThat(f.keySet()).containsExactly("version", "mode", "mx", "max_age");
        assertThat(f.get("version")).containsExactly("STSv1");
        assertThat(f.get("mode")).containsExactly("enforce");
        assertThat(f.get("mx")).containsExactly("mx1.example.org", "*.backup.example.org");
        assertThat(f.get("max_age")).containsExactly("604800");
        assertThat(p.policyUrl()).isEqualTo("https://mta-sts.example.org/.well-known/mta-sts.txt");
        assertThat(p.stsRecord().name()).isEqualTo("_mta-sts.example.org");
        assertThat(p.stsRecord().value()).matches("v=STSv1; id=[A-Za-z0-9]{1,32}").endsWith("id=20261206010203");
        assertThat(p.tlsRptRecord()).get().satisfies(t -> {
            assertThat(t.name()).isEqualTo("_smtp._tls.example.org");
            assertThat(t.value()).matches("v=TLSRPTv1; ?rua=(mailto:[^,;@ ]+@[a-z0-9.-]+|https://[^,; ]+)"
                    + "(,(mailto:[^,;@ ]+@[a-z0-9.-]+|https://[^,; ]+))*");
        });
        String later = new MtaStsGenerator(Clock.offset(clock, java.time.Duration.ofSeconds(1)))
                .generate(new MtaStsChoices("example.org", MtaStsMode.TESTING, List.of("mx1.example.org"), 86400,
                        List.of())).stsRecord().value();
        assertThat(later).isNotEqualTo(p.stsRecord().value()); // a fresh id
        assertThat(new MtaStsGenerator(clock).generate(new MtaStsChoices("example.org", MtaStsMode.TESTING,
                List.of("mx1.example.org"), 86400, List.of())).tlsRptRecord()).isEmpty();
    }

    /** Round trip through the transport package's MTA-STS and TLS-RPT parsers too (merged from branch tls). */
    @Test
    void mtaStsRecordsRoundTripThroughTheTransportParsers() {
        MtaStsProposal p = new MtaStsGenerator(Clock.systemUTC()).generate(new MtaStsChoices("example.org",
                MtaStsMode.ENFORCE, List.of("mx1.example.org", "*.example.net"), MtaStsChoices.DEFAULT_MAX_AGE,
                List.of("tls@example.org")));
        org.maildoctor.transport.mtasts.PolicyParse policy =
                org.maildoctor.transport.mtasts.MtaStsPolicyParser.parse(p.policyFile());
        assertThat(policy.errors()).isEmpty();
        assertThat(policy.warnings()).isEmpty();
        assertThat(policy.policy()).get().satisfies(x -> {
            assertThat(x.mode()).isEqualTo(org.maildoctor.transport.mtasts.Mode.ENFORCE);
            assertThat(x.mx()).hasSize(2);
            assertThat(x.maxAge()).isEqualTo(604_800);
        });
        assertThat(org.maildoctor.transport.mtasts.MtaStsRecord.parse(p.stsRecord().value()))
                .isInstanceOf(org.maildoctor.transport.mtasts.MtaStsRecord.Parse.Valid.class);
        assertThat(org.maildoctor.transport.tlsrpt.TlsRptRecord.parse(p.tlsRptRecord().orElseThrow().value()))
                .isInstanceOf(org.maildoctor.transport.tlsrpt.TlsRptRecord.Parse.Valid.class);
    }

    @Test
    void badMtaStsChoicesAreClearErrors() {
        MtaStsGenerator g = new MtaStsGenerator(Clock.systemUTC());
        assertThatThrownBy(() -> g.generate(new MtaStsChoices("example.org", MtaStsMode.ENFORCE, List.of(), 1, List.of())))
                .hasMessageContaining("MX");
        assertThatThrownBy(() -> g.generate(new MtaStsChoices("example.org", MtaStsMode.ENFORCE,
                List.of("mx.*.example.org"), 1, List.of()))).hasMessageContaining("not an MX host");
        assertThatThrownBy(() -> g.generate(new MtaStsChoices("example.org", MtaStsMode.ENFORCE,
                List.of("mx.example.org"), 40_000_000, List.of()))).hasMessageContaining("max_age");
        assertThatThrownBy(() -> g.generate(new MtaStsChoices("example.org", MtaStsMode.ENFORCE,
                List.of("mx.example.org"), 1, List.of("nobody")))).hasMessageContaining("TLS-RPT");
    }
}
