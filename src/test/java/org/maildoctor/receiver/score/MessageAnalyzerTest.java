package org.maildoctor.receiver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyGenerator;
import org.maildoctor.auth.dkim.DkimPrivateKeys;
import org.maildoctor.auth.dkim.DkimSigner;
import org.maildoctor.auth.dkim.DkimSigningKey;
import org.maildoctor.auth.dkim.FailureReason;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.dkim.SignOutcome;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.report.ScoreCardJson;

/** The score card over a declarative zone: verdicts, deductions, the JSON contract, bad input. */
class MessageAnalyzerTest {
    static GeneratedDkimKey key;
    static DkimSigner signer;
    static FakeZone zone;
    static final Envelope GOOD = env("192.0.2.10", "mail.example.org", "bounce@example.org", true);

    @BeforeAll
    static void setUp() throws Exception {
        key = new DkimKeyGenerator().generate("example.org", "s1", DkimAlgorithm.KeyType.RSA, 2048);
        signer = new DkimSigner(new DkimSigningKey("example.org", "s1",
                DkimPrivateKeys.parse(key.privateKeyPem()).orElseThrow()), Clock.systemUTC());
        zone = FakeZone.builder()
                .txt("example.org", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.example.org", "v=DMARC1; p=reject")
                .txt(key.dnsName(), key.recordStrings().toArray(String[]::new))
                .a("mail.example.org", "192.0.2.10")
                .ptr(InetAddress.getByName("192.0.2.10"), "mail.example.org")
                .nxdomain("_dmarc.org")
                .build();
    }

    static Envelope env(String ip, String helo, String from, boolean tls) {
        try {
            return new Envelope(InetAddress.getByName(ip), helo, from, List.of("t@test.example"), tls);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] message(String extraHeaders, String body) {
        return ("From: Jane <jane@example.org>\r\nTo: t@test.example\r\nSubject: Minutes of the Tuesday meeting\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <m1@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n" + extraHeaders + "\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    static final String BODY = "Hello team, the minutes of Tuesday's meeting are below. We agreed on the budget.\r\n";

    static byte[] signed(byte[] m) {
        return ((SignOutcome.Signed) signer.sign(m)).message();
    }

    static ScoreCard analyze(byte[] m, Envelope env, BlocklistLookup bl) {
        return new MessageAnalyzer(zone, Clock.systemUTC(), bl, "maildoctor.test").analyze(m, env).join();
    }

    static ScoreCheck check(ScoreCard c, String id) {
        return c.checks().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void anArcChainSealedByForwardersIsVerifiedAndReported() throws Exception {
        // a list (fwd1) tagged the subject and added a footer, so the author's DKIM breaks; fwd2 sealed again
        FakeZone arcZone = org.maildoctor.auth.arc.ArcFixtures.into(FakeZone.builder()).build();
        MessageAnalyzer a = new MessageAnalyzer(arcZone, Clock.systemUTC(), BlocklistLookup.NONE, "maildoctor.test");
        Envelope fromFwd2 = env("192.0.2.20", "mx.fwd2.example", "bounce@fwd2.example", true);
        ScoreCard pass = a.analyze(org.maildoctor.auth.arc.ArcFixtures.message("pass-i2"), fromFwd2).join();
        assertThat(check(pass, "auth.arc").status()).isEqualTo(Status.PASS);
        assertThat(check(pass, "auth.arc").explanation()).contains("ARC chain of 2 set(s) verifies");
        assertThat(pass.authenticationResults()).contains("arc=pass header.oldest-pass=0");
        @SuppressWarnings("unchecked")
        Map<String, Object> arc = (Map<String, Object>) ((Map<String, Object>) ScoreCardJson.toMap(pass)
                .get("authentication")).get("arc");
        assertThat(arc).containsEntry("result", "pass").containsEntry("instances", 2).containsEntry("oldestPass", 0)
                .containsEntry("reason", null);

        ScoreCard fail = a.analyze(org.maildoctor.auth.arc.ArcFixtures.message("fail-body-changed"), fromFwd2).join();
        ScoreCheck k = check(fail, "auth.arc");
        assertThat(k.status()).isEqualTo(Status.WARN);
        assertThat(k.explanation()).contains("i=2").contains("body hash mismatch");
        assertThat(k.fix()).hasValueSatisfying(f -> assertThat(f).contains("seal after all rewriting"));
        assertThat(fail.authenticationResults())
                .contains("arc=fail (i=2 newest ARC-Message-Signature does not verify)");
    }

    @Test
    void aWellAuthenticatedMessageScoresTenAndTheJsonFollowsTheContract() {
        ScoreCard c = analyze(signed(message("", BODY)), GOOD, BlocklistLookup.NONE);
        assertThat(c.problems()).isEmpty();
        assertThat(c.score()).isEqualTo(10.0);
        assertThat(check(c, "auth.spf").status()).isEqualTo(Status.PASS);
        assertThat(check(c, "auth.dkim").status()).isEqualTo(Status.PASS);
        assertThat(check(c, "auth.dmarc").status()).isEqualTo(Status.PASS);
        assertThat(check(c, "rdns.fcrdns").status()).isEqualTo(Status.PASS);
        assertThat(check(c, "rdns.helo").status()).isEqualTo(Status.PASS);
        assertThat(check(c, "blocklist").status()).isEqualTo(Status.NOT_EVALUATED);
        assertThat(check(c, "auth.arc").status()).isEqualTo(Status.INFO);
        assertThat(c.authenticationResults()).endsWith("arc=none");

        Map<String, Object> doc = ScoreCardJson.toMap(c);
        assertThat(doc).containsKeys("score", "authentication", "checks");
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) doc.get("authentication");
        assertThat(auth.get("spf")).isEqualTo(Map.of("result", "pass", "domain", "example.org",
                "reason", c.spf().reason()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dkim = (List<Map<String, Object>>) auth.get("dkim");
        assertThat(dkim).hasSize(1);
        assertThat(dkim.getFirst()).containsEntry("result", "pass").containsEntry("domain", "example.org")
                .containsEntry("selector", "s1").containsEntry("reason", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> dmarc = (Map<String, Object>) auth.get("dmarc");
        assertThat(dmarc).containsEntry("result", "pass").containsEntry("policy", "reject")
                .containsEntry("disposition", "none");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) doc.get("checks");
        assertThat(checks).allSatisfy(k -> assertThat(k).containsKeys("id", "status", "explanation", "fix"));
        assertThat(c.authenticationResults()).startsWith("Authentication-Results: maildoctor.test;")
                .contains("dkim=pass header.d=example.org header.s=s1").contains("dmarc=pass policy.dmarc=reject");
    }

    @Test
    void theScoreIsTenMinusTheItemizedDeductions() {
        // unsigned, from an IP SPF does not allow, no TLS
        ScoreCard c = analyze(message("", BODY), env("198.51.100.7", "mail.example.org", "bounce@example.org", false),
                BlocklistLookup.NONE);
        assertThat(check(c, "auth.spf").status()).isEqualTo(Status.FAIL);
        assertThat(check(c, "auth.dkim").status()).isEqualTo(Status.FAIL);
        assertThat(check(c, "auth.dmarc").status()).isEqualTo(Status.FAIL);
        assertThat(c.dmarc().orElseThrow().disposition().token()).isEqualTo("reject");
        assertThat(check(c, "transport.tls").status()).isEqualTo(Status.WARN);
        double lost = c.checks().stream().mapToDouble(ScoreCheck::deduction).sum();
        assertThat(c.score()).isEqualTo(Math.max(0, Math.round((10 - lost) * 10) / 10.0));
        assertThat(c.score()).isLessThan(5);
        assertThat(c.problems()).allSatisfy(k -> assertThat(k.fix()).isPresent());
    }

    @Test
    void aTamperedBodyFailsDkimWithBodyHashMismatch() {
        String s = new String(signed(message("", BODY)), StandardCharsets.UTF_8).replace("budget", "budgets");
        ScoreCard c = analyze(s.getBytes(StandardCharsets.UTF_8), GOOD, BlocklistLookup.NONE);
        assertThat(c.dkim().getFirst().reason()).isEqualTo(FailureReason.BODY_HASH_MISMATCH);
        assertThat(check(c, "auth.dkim").status()).isEqualTo(Status.FAIL);
        // SPF still aligns, so DMARC passes
        assertThat(check(c, "auth.dmarc").status()).isEqualTo(Status.PASS);
    }

    static BlocklistLookup fake(BlocklistLookup.Outcome outcome) {
        return new BlocklistLookup() {
            @Override
            public CompletableFuture<Outcome> lookup(InetAddress clientIp, Collection<String> domains) {
                return CompletableFuture.completedFuture(outcome);
            }

            @Override
            public List<String> lists() {
                return List.of("bl.example");
            }
        };
    }

    @Test
    void blocklistListingsFromThePortCostPointsWithTheDelistingLinkAsFix() {
        ScoreCard c = analyze(signed(message("", BODY)), GOOD, fake(new BlocklistLookup.Outcome(List.of(
                new BlocklistLookup.Listing("192.0.2.10", "bl.example", "listed for spam", "https://bl.example/remove")),
                List.of(), 1)));
        ScoreCheck bl = check(c, "blocklist");
        assertThat(bl.status()).isEqualTo(Status.FAIL);
        assertThat(bl.explanation()).contains("192.0.2.10").contains("bl.example").contains("listed for spam");
        assertThat(bl.fix()).hasValueSatisfying(f -> assertThat(f).contains("https://bl.example/remove"));
        assertThat(c.score()).isEqualTo(7.0);
    }

    @Test
    void aListThatCouldNotAnswerIsUnknownAndCostsNothing() {
        ScoreCard c = analyze(signed(message("", BODY)), GOOD, fake(new BlocklistLookup.Outcome(List.of(),
                List.of(new BlocklistLookup.Unchecked("192.0.2.10", "bl.example", "timeout")), 1)));
        ScoreCheck unknown = check(c, "blocklist.unknown");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.explanation()).contains("192.0.2.10").contains("bl.example").contains("timeout");
        assertThat(c.checks()).filteredOn(x -> x.id().startsWith("blocklist"))
                .noneMatch(x -> x.status() == Status.PASS);
        assertThat(c.score()).isEqualTo(10.0);
    }

    @Test
    void notListedAnywhereIsAPassAndNoListsIsNotEvaluated() {
        ScoreCard clean = analyze(signed(message("", BODY)), GOOD, fake(new BlocklistLookup.Outcome(List.of(),
                List.of(), 3)));
        assertThat(check(clean, "blocklist").status()).isEqualTo(Status.PASS);
        ScoreCard none = analyze(signed(message("", BODY)), GOOD, BlocklistLookup.NONE);
        assertThat(check(none, "blocklist").status()).isEqualTo(Status.NOT_EVALUATED);
        ScoreCard noneApplies = analyze(signed(message("", BODY)), GOOD, fake(new BlocklistLookup.Outcome(List.of(),
                List.of(), 0)));
        assertThat(check(noneApplies, "blocklist").status()).isEqualTo(Status.NOT_EVALUATED);
    }

    @Test
    void bulkMailIsHeldToTheBulkSenderChecklist() {
        ScoreCard c = analyze(signed(message("Precedence: bulk\r\n", BODY)), GOOD, BlocklistLookup.NONE);
        assertThat(c.bulk()).isTrue();
        assertThat(check(c, "header.list-unsubscribe-missing").status()).isEqualTo(Status.FAIL);
        assertThat(check(c, "bulk.one-click-unsubscribe").status()).isEqualTo(Status.INFO);
        assertThat(check(c, "bulk.spf-dkim").status()).isEqualTo(Status.PASS);
    }

    @Test
    void twoHundredSignaturesAndTenThousandLinksGiveFindingsNotACrash() {
        StringBuilder sigs = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sigs.append("DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s").append(i)
                    .append("; h=from; bh=AAAA; b=AAAA\r\n");
        }
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            links.append("https://example.org/").append(i).append('\n');
        }
        ScoreCard c = analyze((sigs + new String(message("", BODY + links), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), GOOD, BlocklistLookup.NONE);
        assertThat(c.dkim()).hasSize(200);
        assertThat(c.dkim().getLast().reason()).isEqualTo(FailureReason.SIGNATURE_LIMIT);
        assertThat(check(c, "links.too-many").status()).isEqualTo(Status.WARN);
    }

    @Test
    void garbageGivesFindingsNotExceptions() {
        ScoreCard c = analyze("\u0000\u00ff garbage without headers".getBytes(StandardCharsets.ISO_8859_1), GOOD,
                BlocklistLookup.NONE);
        assertThat(check(c, "header.from-missing").status()).isEqualTo(Status.FAIL);
        assertThat(check(c, "auth.dmarc").status()).isEqualTo(Status.FAIL);
        assertThat(c.score()).isBetween(0.0, 10.0);
    }
}
