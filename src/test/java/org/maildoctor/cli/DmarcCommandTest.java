package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dmarc.DmarcCheckReport;
import org.maildoctor.auth.dmarc.DmarcChecker;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** The JSON shape of {@code maildoctor dmarc check --json} (docs/cli-dmarc.md). */
class DmarcCommandTest {

    private static Map<String, Object> doc(FakeZone zone, String domain) {
        DmarcCheckReport r = new DmarcChecker(zone).check(domain).join();
        return DmarcCommand.document(r);
    }

    @Test
    void foundDocumentHasTheStableFields() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@reports.example.net!10m")
                .build();
        Map<String, Object> d = doc(zone, "example.com");
        assertThat(d.keySet()).containsExactly("domain", "outcome", "record", "policyDomain", "policySource",
                "policy", "subdomainPolicy", "nonExistentPolicy", "tags", "organizationalDomain", "findings",
                "reportDestinations", "treeWalk", "detail");
        assertThat(d).containsEntry("domain", "example.com").containsEntry("policy", "reject")
                .containsEntry("subdomainPolicy", "quarantine").containsEntry("nonExistentPolicy", "quarantine")
                .containsEntry("policyDomain", "example.com").containsEntry("outcome", "warn");
        assertThat(d.get("organizationalDomain")).isEqualTo(Map.of("treeWalk", "example.com",
                "treeWalkStatus", "determined", "treeWalkRule", "fewest-labels", "publicSuffixList", "example.com",
                "methodsAgree", true));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dests = (List<Map<String, Object>>) d.get("reportDestinations");
        assertThat(dests).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("tag", "rua").containsEntry("uri", "mailto:d@reports.example.net!10m")
                .containsEntry("status", "not-authorized")
                .containsEntry("queryName", "example.com._report._dmarc.reports.example.net"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) d.get("findings");
        assertThat(findings).extracting(m -> m.get("id")).contains("dmarc.subdomain-policy-weaker",
                "dmarc.uri-size-limit", "dmarc.report-destination-unauthorized");
        assertThat(findings).allSatisfy(m -> assertThat(m.keySet())
                .containsExactly("id", "severity", "explanation", "fix"));
    }

    @Test
    void temperrorDocumentSaysWhatFailed() {
        Map<String, Object> d = doc(FakeZone.builder().servfail("_dmarc.example.com", RecordType.TXT).build(),
                "example.com");
        assertThat(d).containsEntry("outcome", "temperror").containsEntry("record", null)
                .containsEntry("policy", null);
        assertThat((String) d.get("detail")).startsWith("SERVFAIL");
    }

    @Test
    void usageErrors() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"dmarc", "check", "a..b"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("empty label");
        assertThat(Main.run(new String[] {"dmarc"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()))).isEqualTo(ExitCode.USAGE);
    }
}
