package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** Sign-then-verify round trips, tampering, and the RFC 8463 example with its own keys. */
class DkimSignVerifyTest {
    static final String MESSAGE = "From: Joe <joe@good.test>\r\nTo: ann@example.net\r\nSubject: Hello\r\n"
            + "Date: Mon, 1 Jun 2026 00:00:00 +0000\r\nMessage-ID: <1@good.test>\r\n\r\nHi Ann,\r\n\r\nsee you.\r\n";

    static FakeZone zone() {
        return FakeZone.builder()
                .txt(Keys.RSA.dnsName(), Keys.RSA.recordStrings().toArray(String[]::new))
                .txt(Keys.ED.dnsName(), Keys.ED.recordStrings().toArray(String[]::new))
                .build();
    }

    static List<DkimSignatureResult> verify(byte[] message) {
        return new DkimVerifier(zone(), Keys.CLOCK).verify(message);
    }

    static byte[] signed(GeneratedDkimKey key, String message) {
        return ((SignOutcome.Signed) Keys.signer(key).sign(bytes(message))).message();
    }

    @ParameterizedTest
    @EnumSource(DkimAlgorithm.KeyType.class)
    void signedMessageVerifies(DkimAlgorithm.KeyType type) {
        GeneratedDkimKey key = type == DkimAlgorithm.KeyType.RSA ? Keys.RSA : Keys.ED;
        SignOutcome.Signed s = (SignOutcome.Signed) Keys.signer(key).sign(bytes(MESSAGE));
        assertThat(s.headerField()).startsWith("DKIM-Signature: v=1; a=" + (type == DkimAlgorithm.KeyType.RSA
                ? "rsa-sha256" : "ed25519-sha256") + "; c=relaxed/relaxed;").contains("h=from:from:subject:date:to:message-id;")
                .contains("t=" + Keys.NOW.getEpochSecond()).endsWith("\r\n");
        assertThat(s.headerField().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        DkimSignatureResult r = single(verify(s.message()));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.PASS);
        assertThat(r.reason()).isEqualTo(FailureReason.NONE);
        assertThat(r.domain()).isEqualTo("good.test");
        assertThat(r.keyBits()).hasValue(type == DkimAlgorithm.KeyType.RSA ? 2048 : 256);
        assertThat(r.bodyHash()).isEqualTo(BodyHashCheck.MATCH);
        assertThat(r.signature()).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void everyCanonicalizationCombinationRoundTrips() {
        for (Canonicalization h : Canonicalization.values()) {
            for (Canonicalization b : Canonicalization.values()) {
                SignOutcome.Signed s = (SignOutcome.Signed) Keys.signer(Keys.ED).withCanonicalization(h, b)
                        .sign(bytes(MESSAGE));
                assertThat(s.headerField()).contains("c=" + h.tagValue() + "/" + b.tagValue());
                assertThat(single(verify(s.message())).verdict()).as(h + "/" + b).isEqualTo(DkimVerdict.PASS);
            }
        }
    }

    @Test
    void changedBodyIsABodyHashMismatch() {
        String m = text(signed(Keys.RSA, MESSAGE)).replace("see you.", "send money.");
        DkimSignatureResult r = single(verify(bytes(m)));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.FAIL);
        assertThat(r.reason()).isEqualTo(FailureReason.BODY_HASH_MISMATCH);
        assertThat(r.signature()).isEqualTo(SignatureCheck.VALID);
        assertThat(r.explanation()).contains("body changed");
    }

    @Test
    void changedSignedHeaderIsASignatureMismatch() {
        String m = text(signed(Keys.ED, MESSAGE)).replace("Subject: Hello", "Subject: Urgent");
        DkimSignatureResult r = single(verify(bytes(m)));
        assertThat(r.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        assertThat(r.bodyHash()).isEqualTo(BodyHashCheck.MATCH);
    }

    @Test
    void bothChangedReportsBodyHashAndSignatureApart() {
        String m = text(signed(Keys.RSA, MESSAGE)).replace("Subject: Hello", "Subject: X").replace("see you", "bye");
        DkimSignatureResult r = single(verify(bytes(m)));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.FAIL);
        assertThat(r.reason()).isEqualTo(FailureReason.BODY_HASH_MISMATCH);
        assertThat(r.signature()).isEqualTo(SignatureCheck.INVALID);
        assertThat(r.explanation()).contains("header signature does not verify either");
    }

    @Test
    void overSignedFromBreaksWhenASecondFromIsAdded() {
        String signed = text(signed(Keys.RSA, MESSAGE));
        String added = signed.replace("To: ann", "From: evil@attacker.test\r\nTo: ann");
        assertThat(single(verify(bytes(added))).reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH);
        // an unsigned header field may be added freely
        String unsigned = signed.replace("To: ann", "X-Mailer: test\r\nTo: ann");
        assertThat(single(verify(bytes(unsigned))).verdict()).isEqualTo(DkimVerdict.PASS);
    }

    @Test
    void relaxedSurvivesRefoldingAndTrailingBlankLines() {
        String m = text(signed(Keys.ED, MESSAGE)).replace("Subject: Hello", "Subject:   Hello  ") + "\r\n\r\n";
        assertThat(single(verify(bytes(m))).verdict()).isEqualTo(DkimVerdict.PASS);
    }

    @Test
    void bodyLengthTagLetsAppendedTextVerifyButNotChangedText() {
        byte[] s = ((SignOutcome.Signed) Keys.signer(Keys.RSA).withBodyLengthTag().sign(bytes(MESSAGE))).message();
        assertThat(text(s)).contains("l=");
        assertThat(single(verify(bytes(text(s) + "appended by a list\r\n"))).verdict()).isEqualTo(DkimVerdict.PASS);
        String cut = text(s).replace("see you.\r\n", "");
        assertThat(single(verify(bytes(cut))).reason()).isEqualTo(FailureReason.BODY_TOO_SHORT);
    }

    @Test
    void lineEndingsDoNotMatterLfOrBareCr() {
        String crlf = text(signed(Keys.RSA, MESSAGE));
        assertThat(single(verify(bytes(crlf.replace("\r\n", "\n")))).verdict()).isEqualTo(DkimVerdict.PASS);
        assertThat(single(verify(bytes(crlf.replace("\r\n", "\r")))).verdict()).isEqualTo(DkimVerdict.PASS);
    }

    @Test
    void messageWithoutFromIsRefused() {
        SignOutcome o = Keys.signer(Keys.RSA).sign(CorpusFiles.bytes("dkimpy/test_nofrom.message"));
        assertThat(o).isInstanceOfSatisfying(SignOutcome.Refused.class, r -> assertThat(r.reason()).contains("From"));
    }

    @Test
    void corpusInputsSignAndVerifyWithCorpusKeys() {
        List<String> inputs = List.of("dkimpy/test.message", "dkimpy/test_extra.message", "dkimpy/rfc6376.msg",
                "dkimpy/ed25519test.msg", "dkimpy/rfc6376.w1258.msg", "mail-dkim/test5.txt");
        List<String> keyFiles = List.of("mailauth/private-rsa.pem", "mailauth/private-ed25519.pem",
                "dkimpy/2048_testkey_PKCS8.key", "dkimpy/2048_testkey.key", "dkimpy/ed25519test.key");
        for (String keyFile : keyFiles) {
            var priv = DkimPrivateKeys.parse(CorpusFiles.text(keyFile)).orElseThrow(() -> new AssertionError(keyFile));
            var pub = publicRecordFor(keyFile);
            FakeZone dns = FakeZone.builder().txt("k._domainkey.example.com", pub).build();
            DkimSigner signer = new DkimSigner(new DkimSigningKey("example.com", "k", priv), Keys.CLOCK);
            for (String input : inputs) {
                byte[] signed = ((SignOutcome.Signed) signer.sign(CorpusFiles.bytes(input))).message();
                // our signature is the top one (mail-dkim/test5.txt carries an old draft signature below it)
                DkimSignatureResult r = new DkimVerifier(dns, Keys.CLOCK).verify(signed).getFirst();
                assertThat(r.verdict()).as(keyFile + " on " + input + ": " + r.explanation()).isEqualTo(DkimVerdict.PASS);
            }
        }
    }

    /** The public TXT value matching each corpus private key, derived from the private key itself. */
    private static String publicRecordFor(String keyFile) {
        var priv = DkimPrivateKeys.parse(CorpusFiles.text(keyFile)).orElseThrow();
        if (priv instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
            try {
                var pub = java.security.KeyFactory.getInstance("RSA").generatePublic(
                        new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                return "v=DKIM1; k=rsa; p=" + java.util.Base64.getEncoder().encodeToString(pub.getEncoded());
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
        return switch (keyFile) {
            case "mailauth/private-ed25519.pem" -> "v=DKIM1; k=ed25519; p=" + java.util.Base64.getEncoder().encodeToString(
                    Der.ed25519RawFromSpki(java.util.Base64.getMimeDecoder().decode(CorpusFiles.text("mailauth/public-ed25519.pem")
                            .replaceAll("-----[A-Z ]+-----", ""))));
            case "dkimpy/ed25519test.key" -> CorpusFiles.text("dkimpy/ed25519test.dns").strip();
            default -> throw new AssertionError(keyFile);
        };
    }

    /** RFC 8463 appendix A: the example message and its two keys; and our own signatures with the RFC's private keys. */
    @Test
    void rfc8463Example() {
        FakeZone dns = FakeZone.builder()
                .txt("brisbane._domainkey.football.example.com", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .txt("test._domainkey.football.example.com", "v=DKIM1; k=rsa; p=" + DkimKeyRecordParserTest.RSA_1024_SPKI)
                .build();
        DkimVerifier v = new DkimVerifier(dns, Keys.CLOCK);
        List<DkimSignatureResult> r = v.verify(CorpusFiles.bytes("mailauth/rfc8463-signed.eml"));
        assertThat(r).extracting(DkimSignatureResult::selector).containsExactly("brisbane", "test");
        assertThat(r).extracting(DkimSignatureResult::verdict).containsOnly(DkimVerdict.PASS);
        assertThat(r.get(1).keyBits()).hasValue(1024);
        assertThat(dns.queries()).extracting(FakeZone.Query::toString).containsExactlyInAnyOrder(
                "brisbane._domainkey.football.example.com/TXT", "test._domainkey.football.example.com/TXT");

        for (String[] k : new String[][] {{"brisbane", "mailauth/rfc8463-private-ed25519.key"},
                {"test", "mailauth/rfc8463-private-rsa.key"}}) {
            DkimSigner signer = new DkimSigner(new DkimSigningKey("football.example.com", k[0],
                    DkimPrivateKeys.parse(CorpusFiles.text(k[1])).orElseThrow()), Keys.CLOCK);
            byte[] signed = ((SignOutcome.Signed) signer.sign(CorpusFiles.bytes("dkimpy/rfc6376.msg"))).message();
            assertThat(single(v.verify(signed)).verdict()).as(k[0]).isEqualTo(DkimVerdict.PASS);
        }
    }

    @Test
    void expiryAndFutureTimestampFollowTheClock() {
        byte[] s = signed(Keys.ED, MESSAGE);
        String withX = text(s).replace("; t=", "; x=" + (Keys.NOW.getEpochSecond() + 60) + "; t=");
        // x= is inside the signed header, so the signature breaks; but the expiry check comes first (6.1.1)
        DkimVerifier later = new DkimVerifier(zone(), Clock.offset(Keys.CLOCK, Duration.ofHours(1)));
        assertThat(single(later.verify(bytes(withX))).reason()).isEqualTo(FailureReason.EXPIRED);
        DkimVerifier earlier = new DkimVerifier(zone(), Clock.offset(Keys.CLOCK, Duration.ofDays(-1)));
        assertThat(single(earlier.verify(s)).reason()).isEqualTo(FailureReason.FUTURE_TIMESTAMP);
        DkimVerifier slightSkew = new DkimVerifier(zone(), Clock.offset(Keys.CLOCK, Duration.ofMinutes(-5)));
        assertThat(single(slightSkew.verify(s)).verdict()).isEqualTo(DkimVerdict.PASS);
    }

    @Test
    void dnsFailuresAreTemperrorNeverFail() {
        byte[] s = signed(Keys.RSA, MESSAGE);
        for (FakeZone dns : List.of(FakeZone.builder().timeout(Keys.RSA.dnsName(), RecordType.TXT).build(),
                FakeZone.builder().servfail(Keys.RSA.dnsName()).build(),
                FakeZone.builder().refused(Keys.RSA.dnsName()).build(),
                FakeZone.builder().unreachable(Keys.RSA.dnsName()).build())) {
            DkimSignatureResult r = single(new DkimVerifier(dns, Keys.CLOCK).verify(s));
            assertThat(r.verdict()).isEqualTo(DkimVerdict.TEMPERROR);
            assertThat(r.reason()).isEqualTo(FailureReason.DNS_TEMPORARY);
        }
    }

    @Test
    void keyProblemsArePermerrorsWithTheirReason() {
        byte[] s = signed(Keys.RSA, MESSAGE);
        String name = Keys.RSA.dnsName();
        assertThat(reasonWith(s, FakeZone.builder().build())).isEqualTo(FailureReason.KEY_NOT_FOUND);
        assertThat(reasonWith(s, FakeZone.builder().exists(name).build())).isEqualTo(FailureReason.KEY_NOT_FOUND);
        assertThat(reasonWith(s, FakeZone.builder().txt(name, "v=DKIM1; k=rsa; p=").build())).isEqualTo(FailureReason.KEY_REVOKED);
        assertThat(reasonWith(s, FakeZone.builder().txt(name, "v=DKIM1; k=rsa; p=bm90IGEga2V5").build()))
                .isEqualTo(FailureReason.KEY_SYNTAX); // "not a key"
        assertThat(reasonWith(s, FakeZone.builder().txt(name, "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").build()))
                .isEqualTo(FailureReason.KEY_TYPE_MISMATCH);
        assertThat(reasonWith(s, FakeZone.builder().txt(name, Keys.RSA.recordText().replace("k=rsa", "k=rsa; h=sha1")).build()))
                .isEqualTo(FailureReason.HASH_NOT_ALLOWED);
        assertThat(reasonWith(s, FakeZone.builder().txt(name, Keys.RSA.recordText().replace("k=rsa", "k=rsa; s=tlsrpt")).build()))
                .isEqualTo(FailureReason.KEY_NOT_FOR_EMAIL);
        assertThat(reasonWith(s, FakeZone.builder().txt(name, Keys.ED.recordText()).build()))
                .isEqualTo(FailureReason.KEY_TYPE_MISMATCH);
    }

    @Test
    void anUnrelatedTxtRecordBesideTheKeyDoesNotHideIt() {
        byte[] s = signed(Keys.ED, MESSAGE);
        FakeZone dns = FakeZone.builder().txt(Keys.ED.dnsName(), "google-site-verification=abc")
                .txt(Keys.ED.dnsName(), Keys.ED.recordText()).build();
        assertThat(single(new DkimVerifier(dns, Keys.CLOCK).verify(s)).verdict()).isEqualTo(DkimVerdict.PASS);
        FakeZone junkOnly = FakeZone.builder().txt(Keys.ED.dnsName(), "google-site-verification=abc").build();
        assertThat(reasonWith(s, junkOnly)).isEqualTo(FailureReason.KEY_SYNTAX);
    }

    @Test
    void testingModeKeyStillVerifiesAndSaysSo() {
        byte[] s = signed(Keys.RSA, MESSAGE);
        FakeZone dns = FakeZone.builder().txt(Keys.RSA.dnsName(), Keys.RSA.recordText() + "; t=y").build();
        DkimSignatureResult r = single(new DkimVerifier(dns, Keys.CLOCK).verify(s));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.PASS);
        assertThat(r.testing()).isTrue();
        assertThat(r.explanation()).contains("testing mode");
    }

    @Test
    void malformedBase64AndGarbageSignaturesArePermerrors() {
        String s = text(signed(Keys.RSA, MESSAGE));
        String badB = s.replaceFirst("b=[A-Za-z0-9+/]{10}", "b=!!!*****");
        assertThat(single(verify(bytes(badB))).reason()).isEqualTo(FailureReason.SYNTAX);
        // well-formed base64 that is no signature for this key: a cryptographic failure, not an exception
        DkimSignatureResult r = single(verify(bytes("DKIM-Signature: v=1; a=rsa-sha256; d=good.test; s=rsa; h=from; bh=AAAA; b=AAAA\r\n" + MESSAGE)));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.FAIL);
        assertThat(r.signature()).isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void unsignedMessageHasNoResultsAndOverallNone() {
        List<DkimSignatureResult> r = verify(bytes(MESSAGE));
        assertThat(r).isEmpty();
        assertThat(DkimVerdict.overall(r)).isEqualTo(DkimVerdict.NONE);
    }

    @Test
    void fiveHundredHeadersAndManySignaturesStayBounded() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("DKIM-Signature: v=1; a=rsa-sha256; d=d").append(i).append(".test; s=s; h=from; bh=AAAA; b=AAAA\r\n");
        }
        FakeZone dns = FakeZone.builder().build();
        long t0 = System.nanoTime();
        List<DkimSignatureResult> r = new DkimVerifier(dns, Keys.CLOCK).verify(bytes(sb + MESSAGE));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(r).hasSize(500);
        assertThat(dns.queryCount()).isEqualTo(DkimVerifier.MAX_SIGNATURES);
        assertThat(r.get(499).reason()).isEqualTo(FailureReason.SIGNATURE_LIMIT);
        assertThat(r.getFirst().reason()).isEqualTo(FailureReason.KEY_NOT_FOUND);
    }

    @Test
    void fiveHundredUnsignedHeadersAboveASignedMessageStillPass() {
        String signed = text(signed(Keys.RSA, MESSAGE));
        StringBuilder received = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            received.append("Received: from hop").append(i).append(".test\r\n\tby relay.test; Mon, 1 Jun 2026\r\n");
        }
        long t0 = System.nanoTime();
        DkimSignatureResult r = single(verify(bytes(received + signed)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.PASS);
    }

    @Test
    void utf8DomainIsLookedUpAsALabels() {
        byte[] m = ("DKIM-Signature: v=1; a=rsa-sha256; d=b\u00c3\u00bccher.test; s=s; h=from; bh=AAAA; b=AAAA\r\n" + MESSAGE)
                .getBytes(StandardCharsets.ISO_8859_1); // d=bücher.test in UTF-8 bytes
        FakeZone dns = FakeZone.builder().build();
        new DkimVerifier(dns, Keys.CLOCK).verify(m);
        assertThat(dns.queries()).extracting(FakeZone.Query::name).containsExactly("s._domainkey.xn--bcher-kva.test");
    }

    @Test
    void resultRejectsAReasonThatContradictsItsVerdict() {
        assertThatThrownBy(() -> new DkimSignatureResult(DkimVerdict.PASS, FailureReason.SYNTAX, "", "", "", "",
                java.util.OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFailureReasonCarriesAFix() {
        for (FailureReason r : FailureReason.values()) {
            assertThat(r.fix().isEmpty()).as(r.name()).isEqualTo(r == FailureReason.NONE);
            assertThat(r.text()).isNotBlank();
        }
    }

    @Test
    void overallVerdictIsTheBestSignature() {
        DkimSignatureResult fail = DkimSignatureResult.of(FailureReason.BODY_HASH_MISMATCH, "", "", "", "",
                java.util.OptionalInt.empty(), BodyHashCheck.MISMATCH, SignatureCheck.VALID, false);
        DkimSignatureResult temp = DkimSignatureResult.of(FailureReason.DNS_TEMPORARY, "", "", "", "",
                java.util.OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false);
        DkimSignatureResult perm = DkimSignatureResult.of(FailureReason.SYNTAX, "", "", "", "",
                java.util.OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false);
        assertThat(DkimVerdict.overall(List.of(perm, temp, fail))).isEqualTo(DkimVerdict.FAIL);
        assertThat(DkimVerdict.overall(List.of(perm, temp))).isEqualTo(DkimVerdict.TEMPERROR);
        assertThat(DkimVerdict.overall(List.of(perm))).isEqualTo(DkimVerdict.PERMERROR);
    }

    private static FailureReason reasonWith(byte[] message, FakeZone dns) {
        DkimSignatureResult r = single(new DkimVerifier(dns, Keys.CLOCK).verify(message));
        assertThat(r.verdict()).isEqualTo(DkimVerdict.PERMERROR);
        return r.reason();
    }

    static DkimSignatureResult single(List<DkimSignatureResult> r) {
        assertThat(r).hasSize(1);
        return r.getFirst();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
