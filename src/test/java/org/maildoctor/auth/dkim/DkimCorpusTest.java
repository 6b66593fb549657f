package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the verifier over every message of the DKIM corpus (src/test/resources/corpora/dkim, keys from
 * dns.tsv in a FakeZone) and compares with expected.tsv. The verdict we assert is the one RFC 6376 /
 * RFC 8301 require: the upstream expectation in pass / not-pass / none terms, except for the files
 * listed in DISAGREEMENTS.md, which give our verdict and the deciding clause. Any unlisted deviation,
 * and any listed file that no longer deviates, fails the test; so do differences from the peers
 * (dkimpy word by word per signature, mailauth in pass / not-pass terms) that are not listed.
 *
 * <p>Clock: 2026-06-01T00:00:00Z. The peer verdicts were recorded in 2026 (the README: "read the
 * expected values as of 2026"); at that date ignore_7's x= (2007) is past, as upstream expects, and no
 * t= in the corpus (the latest is 2023) lies in the future.
 */
class DkimCorpusTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    enum Klass { PASS, NOT_PASS, NONE }

    record Row(String file, Map<String, String> cells, List<DkimSignatureResult> ours) {
        DkimVerdict verdict() {
            return DkimVerdict.overall(ours);
        }

        Klass ourClass() {
            return classOf(verdict());
        }

        String ourWords() {
            return ours.stream().map(r -> r.verdict().word()).collect(Collectors.joining(","));
        }
    }

    static List<Row> rows;
    static String disagreements;

    @BeforeAll
    static void verifyAll() {
        DkimVerifier verifier = new DkimVerifier(CorpusFiles.zone(), Clock.fixed(NOW, ZoneOffset.UTC));
        rows = new ArrayList<>();
        for (Map<String, String> cells : CorpusFiles.tsv("expected.tsv")) {
            String file = cells.get("file");
            rows.add(new Row(file, cells, verifier.verify(CorpusFiles.bytes(file))));
        }
        disagreements = CorpusFiles.text("DISAGREEMENTS.md");
    }

    static Klass classOf(DkimVerdict v) {
        return v == DkimVerdict.PASS ? Klass.PASS : v == DkimVerdict.NONE ? Klass.NONE : Klass.NOT_PASS;
    }

    /** A peer's message-level word (RFC 8601 words; mailauth's neutral/policy are not-pass). */
    static Klass classOf(String word) {
        return switch (word) {
            case "pass" -> Klass.PASS;
            case "none", "" -> Klass.NONE;
            default -> Klass.NOT_PASS;
        };
    }

    /**
     * The upstream expectation as a class: Mail::DKIM pass / fail / invalid; "(DK)" marks DomainKeys
     * messages, which carry no DKIM-Signature (a DKIM verifier says none); where the source states
     * nothing or skips the case, dkimpy's verdict stands in.
     */
    static Klass upstreamClass(Row row) {
        String up = row.cells().get("upstream_expected");
        if (up.endsWith("(DK)")) {
            return Klass.NONE;
        }
        if (up.isEmpty() || up.startsWith("skipped")) {
            return classOf(row.cells().get("dkimpy_verdict"));
        }
        return up.startsWith("pass") ? Klass.PASS : Klass.NOT_PASS;
    }

    @Test
    void corpusHasEveryMessageOfExpectedTsv() {
        assertThat(rows).hasSize(92);
        assertThat(rows.stream().filter(r -> !r.ours().isEmpty())).hasSize(69);
        for (Row r : rows) {
            assertThat(r.ours()).as(r.file() + " signature count").hasSize(Integer.parseInt(r.cells().get("nsigs")));
        }
    }

    @Test
    void verdictsAreTheRfcOnesAndEveryDeviationFromUpstreamIsListed() {
        Map<String, String> listed = table("## 1.", 1);
        Map<String, String> actual = new TreeMap<>();
        for (Row r : rows) {
            if (r.ourClass() != upstreamClass(r)) {
                actual.put(r.file(), r.verdict().word());
            }
        }
        assertThat(actual).as("deviations from the upstream expectation vs DISAGREEMENTS.md section 1")
                .isEqualTo(listed);
        report();
    }

    @Test
    void everyDifferenceFromDkimpyIsListed() {
        Map<String, String> listed = table("## 2.", 1);
        Map<String, String> actual = new TreeMap<>();
        for (Row r : rows) {
            if (!r.ourWords().equals(r.cells().get("dkimpy_per_signature"))) {
                actual.put(r.file(), r.ourWords());
            }
        }
        assertThat(actual).as("per-signature differences from dkimpy vs DISAGREEMENTS.md section 2").isEqualTo(listed);
    }

    @Test
    void everyPassDifferenceFromMailauthIsListed() {
        Map<String, String> lenient = new TreeMap<>();
        Map<String, String> strict = new TreeMap<>();
        for (Row r : rows) {
            if (r.ourClass() != classOf(r.cells().get("mailauth_verdict"))) {
                lenient.put(r.file(), r.verdict().word());
            }
            if (r.ourClass() != classOf(r.cells().get("mailauth_strict_verdict"))) {
                strict.put(r.file(), r.verdict().word());
            }
        }
        assertThat(lenient).as("pass/not-pass differences from mailauth vs DISAGREEMENTS.md section 3")
                .isEqualTo(table("## 3.", 1));
        assertThat(strict).as("mailauth strict agrees on pass / not-pass everywhere").isEmpty();
    }

    @Test
    void bodyHashAgreesWithTheCorpusWhereverWeComputedIt() {
        int compared = 0;
        for (Row r : rows) {
            String[] expected = r.cells().get("body_hash").split(",", -1);
            for (int i = 0; i < r.ours().size(); i++) {
                BodyHashCheck ours = r.ours().get(i).bodyHash();
                if (ours == BodyHashCheck.NOT_CHECKED) {
                    continue;
                }
                compared++;
                assertThat(ours == BodyHashCheck.MATCH ? "ok" : "mismatch").as(r.file() + " signature " + i)
                        .isEqualTo(expected[i]);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(25);
    }

    /** Where several things are wrong, the reason follows RFC 6376 6.1's order: key fetch before hashes. */
    @Test
    void reasonsFollowTheRfcCheckOrder() {
        assertReason("mail-dkim/corpus/badkey_14.txt", FailureReason.DNS_TEMPORARY);   // timeout, body also changed
        assertReason("mail-dkim/corpus/badkey_15.txt", FailureReason.DNS_TEMPORARY);   // SERVFAIL
        assertReason("mail-dkim/corpus/badkey1_ed25519.txt", FailureReason.KEY_SYNTAX); // SPKI, not raw Ed25519
        assertReason("mail-dkim/corpus/badkey4_ed25519.txt", FailureReason.KEY_NOT_FOUND);
        assertReason("mail-dkim/corpus/badkey5_ed25519.txt", FailureReason.KEY_SYNTAX); // empty TXT: no p=
        assertReason("mail-dkim/corpus/badkey_11.txt", FailureReason.HASH_NOT_ALLOWED);
        assertReason("mail-dkim/corpus/badkey_10.txt", FailureReason.DOMAIN_MISMATCH);  // key t=s, i= subdomain
        assertReason("mail-dkim/corpus/badkey_9.txt", FailureReason.KEY_TOO_SHORT);
        assertReason("mail-dkim/corpus/bad_1878954.txt", FailureReason.WEAK_ALGORITHM);
        assertReason("mail-dkim/corpus/ignore_2.txt", FailureReason.SYNTAX);            // v=0.5 before a=rsa-md5
        assertReason("mail-dkim/corpus/ignore_5.txt", FailureReason.UNSUPPORTED_QUERY_METHOD);
        assertReason("mail-dkim/corpus/ignore_7.txt", FailureReason.EXPIRED);
        assertReason("mail-dkim/corpus/ignore_8.txt", FailureReason.DOMAIN_MISMATCH);
        assertReason("dkimpy/test.message.baddomain", FailureReason.SYNTAX);
        assertReason("dkimpy/message.mbox", FailureReason.KEY_NOT_FOUND);
        DkimSignatureResult header = only("mail-dkim/corpus/badkey2_ed25519.txt");
        assertThat(header.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        assertThat(header.bodyHash()).isEqualTo(BodyHashCheck.MATCH);
        DkimSignatureResult body = only("mail-dkim/corpus/badkey3_ed25519.txt");
        assertThat(body.reason()).isEqualTo(FailureReason.BODY_HASH_MISMATCH);
        assertThat(body.signature()).isEqualTo(SignatureCheck.VALID);
        assertThat(body.keyBits()).hasValue(256);
    }

    @Test
    void knownGoodVectorsPassEverySignature() {
        for (String f : List.of("mailauth/rfc8463-signed.eml", "dkimpy/rfc6376.signed.msg", "dkimpy/rfc6376.signed.rsa.msg",
                "dkimpy/ed25519test2.msg", "dkimpy/test2.message", "mail-dkim/corpus/goodkey_ed25519.txt")) {
            assertThat(row(f).ours()).as(f).isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.verdict()).isEqualTo(DkimVerdict.PASS);
                        assertThat(r.reason()).isEqualTo(FailureReason.NONE);
                    });
        }
        assertThat(row("dkimpy/test2.message").ours().getFirst().keyBits()).hasValue(2048);
    }

    private void assertReason(String file, FailureReason reason) {
        DkimSignatureResult r = only(file);
        assertThat(r.reason()).as(file + ": " + r.explanation()).isEqualTo(reason);
        assertThat(r.verdict()).isNotEqualTo(DkimVerdict.PASS);
    }

    private DkimSignatureResult only(String file) {
        assertThat(row(file).ours()).as(file).hasSize(1);
        return row(file).ours().getFirst();
    }

    private static Row row(String file) {
        return rows.stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    /** Rows {@code | `file` | col1 | …} of the section whose heading starts with {@code heading}: file → column. */
    static Map<String, String> table(String heading, int column) {
        Map<String, String> out = new TreeMap<>();
        boolean in = false;
        for (String line : disagreements.lines().toList()) {
            if (line.startsWith("## ")) {
                in = line.startsWith(heading);
                continue;
            }
            if (in && line.startsWith("| `")) {
                String[] cells = line.split("\\|", -1);
                out.put(cells[1].strip().replace("`", ""), cells[1 + column].strip().replace("`", ""));
            }
        }
        return out;
    }

    /** Agreement counts, printed for the build log. */
    private static void report() {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Row r : rows) {
            inc(c, "messages");
            if (!r.ours().isEmpty()) {
                inc(c, "signed");
            }
            if (r.ourClass() == upstreamClass(r)) {
                inc(c, "agree-upstream");
            }
            if (r.ourClass() == classOf(r.cells().get("dkimpy_verdict"))) {
                inc(c, "agree-dkimpy-pass/not-pass");
            }
            if (r.ourWords().equals(r.cells().get("dkimpy_per_signature"))) {
                inc(c, "agree-dkimpy-exact-per-signature");
            }
            if (r.ourClass() == classOf(r.cells().get("mailauth_verdict"))) {
                inc(c, "agree-mailauth");
            }
            if (r.ourClass() == classOf(r.cells().get("mailauth_strict_verdict"))) {
                inc(c, "agree-mailauth-strict");
            }
            inc(c, "ours-" + r.verdict().word());
        }
        System.out.println("DKIM corpus (" + NOW + "): " + c.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        for (Row r : rows) {
            if (!r.ours().isEmpty()) {
                System.out.println(String.format(Locale.ROOT, "  %-40s %-9s %s", r.file(), r.verdict().word(),
                        r.ours().stream().map(DkimSignatureResult::summary).collect(Collectors.joining(" | "))));
            }
        }
    }

    private static void inc(Map<String, Integer> c, String k) {
        c.merge(k, 1, Integer::sum);
    }
}
