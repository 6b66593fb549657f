package org.maildoctor.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/**
 * RFC 8617 5.2 with real cryptography, against chains sealed by dkimpy (src/test/resources/arc/generate.py)
 * and dkimpy's own arc_verify verdicts on them, tampered variants included.
 */
class ArcVerifierTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);

    /** Our verdict per fixture: status, failing instance (0 = none), reason. */
    record Expected(ChainStatus status, int failed, ArcFailure reason) {
    }

    static final Map<String, Expected> OURS = Map.ofEntries(
            Map.entry("pass-i1", new Expected(ChainStatus.PASS, 0, ArcFailure.NONE)),
            Map.entry("pass-i2", new Expected(ChainStatus.PASS, 0, ArcFailure.NONE)),
            Map.entry("pass-i3", new Expected(ChainStatus.PASS, 0, ArcFailure.NONE)),
            Map.entry("pass-i2-ams1-broken", new Expected(ChainStatus.PASS, 0, ArcFailure.NONE)),
            Map.entry("fail-body-changed", new Expected(ChainStatus.FAIL, 2, ArcFailure.MESSAGE_SIGNATURE)),
            Map.entry("fail-subject-changed", new Expected(ChainStatus.FAIL, 2, ArcFailure.MESSAGE_SIGNATURE)),
            Map.entry("fail-aar1-changed", new Expected(ChainStatus.FAIL, 2, ArcFailure.SEAL_SIGNATURE)),
            Map.entry("fail-seal1-changed", new Expected(ChainStatus.FAIL, 2, ArcFailure.SEAL_SIGNATURE)),
            Map.entry("fail-seal2-signature", new Expected(ChainStatus.FAIL, 2, ArcFailure.SEAL_SIGNATURE)),
            Map.entry("fail-instance1-missing", new Expected(ChainStatus.FAIL, 1, ArcFailure.INCOMPLETE_SET)),
            Map.entry("fail-duplicate-set", new Expected(ChainStatus.FAIL, 2, ArcFailure.DUPLICATE_FIELD)),
            Map.entry("fail-cv-fail", new Expected(ChainStatus.FAIL, 3, ArcFailure.SEALED_AS_FAILED)),
            Map.entry("fail-cv1-pass", new Expected(ChainStatus.FAIL, 1, ArcFailure.INVALID_CV)),
            Map.entry("none", new Expected(ChainStatus.NONE, 0, ArcFailure.NONE)),
            Map.entry("harness-good-test", new Expected(ChainStatus.PASS, 0, ArcFailure.NONE)));

    static ArcValidation verify(byte[] message) {
        return new ArcVerifier(ArcFixtures.zone(), CLOCK).verifyAsync(message).join();
    }

    static Iterable<String> cases() {
        return ArcFixtures.dkimpyVerdicts().keySet();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void verdictsAgreeWithDkimpy(String name) {
        ArcValidation v = verify(ArcFixtures.message(name));
        String dkimpy = ArcFixtures.dkimpyVerdicts().get(name);
        // dkimpy answers None ("the chain is terminated") when the newest seal says cv=fail; RFC 8617 5.2
        // step 2 says the status is fail, which is what we report
        assertThat(v.status().code()).as(name + ": " + v.explanation())
                .isEqualTo(dkimpy.equals("terminated") ? "fail" : dkimpy);
        Expected e = OURS.get(name);
        assertThat(e).as("expectation for " + name).isNotNull();
        assertThat(v.status()).isEqualTo(e.status());
        assertThat(v.reason()).as(v.explanation()).isEqualTo(e.reason());
        assertThat(v.failedInstance()).isEqualTo(e.failed() == 0 ? OptionalInt.empty() : OptionalInt.of(e.failed()));
    }

    @Test
    void everyFixtureHasAnExpectation() {
        assertThat(OURS.keySet()).containsExactlyInAnyOrderElementsOf(ArcFixtures.dkimpyVerdicts().keySet());
    }

    @Test
    void oldestPassIsTheLowestInstanceWhoseMessageSignatureStillVerifies() {
        assertThat(verify(ArcFixtures.message("pass-i3")).oldestPass()).hasValue(0);
        ArcValidation broken = verify(ArcFixtures.message("pass-i2-ams1-broken"));
        assertThat(broken.oldestPass()).hasValue(2);
        assertThat(broken.explanation()).contains("still valid is i=2");
        assertThat(verify(ArcFixtures.message("pass-i1")).oldestPass()).hasValue(0);
    }

    @Test
    void theNewestMessageSignatureIsReportedWithTheDkimEnginesReason() {
        ArcValidation v = verify(ArcFixtures.message("fail-body-changed"));
        assertThat(v.newestMessageSignature()).hasValueSatisfying(r ->
                assertThat(r.reason().text()).isEqualTo("body hash mismatch"));
        assertThat(v.explanation()).contains("i=2").contains("body hash");
    }

    @Test
    void lineEndingsOfASavedMessageDoNotMatter() {
        byte[] lf = new String(ArcFixtures.message("pass-i2"), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(verify(lf).status()).isEqualTo(ChainStatus.PASS);
    }

    @Test
    void aSealKeyThatCannotBeFetchedIsATemporaryFailNotABrokenChain() {
        FakeZone zone = FakeZone.builder()
                .txt("arc1._domainkey.fwd1.example", txt("arc1._domainkey.fwd1.example"))
                .timeout("arc2._domainkey.fwd2.example", RecordType.TXT).build();
        ArcValidation v = new ArcVerifier(zone, CLOCK).verifyAsync(ArcFixtures.message("pass-i2")).join();
        assertThat(v.status()).isEqualTo(ChainStatus.FAIL);
        assertThat(v.temporary()).isTrue();
        assertThat(v.reason()).isEqualTo(ArcFailure.KEY_TEMPORARY);
    }

    @Test
    void aMissingSealKeyFailsAtThatSeal() {
        // fwd1 seals i=1 and i=3; with its key gone, AMS(3) fails first (step 4 comes before the seals)
        FakeZone zone = FakeZone.builder()
                .txt("arc2._domainkey.fwd2.example", txt("arc2._domainkey.fwd2.example")).build();
        ArcValidation v = new ArcVerifier(zone, CLOCK).verifyAsync(ArcFixtures.message("pass-i3")).join();
        assertThat(v.reason()).isEqualTo(ArcFailure.MESSAGE_SIGNATURE);
        assertThat(v.failedInstance()).hasValue(3);
        // in pass-i2 fwd2 sealed the newest set: AMS(2) verifies, seal 2 verifies, seal 1 has no key
        ArcValidation two = new ArcVerifier(zone, CLOCK).verifyAsync(ArcFixtures.message("pass-i2")).join();
        assertThat(two.reason()).isEqualTo(ArcFailure.SEAL_KEY);
        assertThat(two.failedInstance()).hasValue(1);
        assertThat(two.explanation()).contains("no key record at arc1._domainkey.fwd1.example");
    }

    @Test
    void aSealWithAnotherForwardersKeyDoesNotVerify() {
        FakeZone swapped = FakeZone.builder()
                .txt("arc1._domainkey.fwd1.example", txt("arc1._domainkey.fwd1.example"))
                .txt("arc2._domainkey.fwd2.example", txt("arc1._domainkey.fwd1.example")).build();
        ArcValidation v = new ArcVerifier(swapped, CLOCK).verifyAsync(ArcFixtures.message("pass-i2")).join();
        assertThat(v.status()).isEqualTo(ChainStatus.FAIL);
        assertThat(v.reason()).isEqualTo(ArcFailure.MESSAGE_SIGNATURE); // AMS(2) is checked before the seals
    }

    private static String txt(String name) {
        return ArcFixtures.zone().lookup(name, RecordType.TXT).join().recordsOrEmpty().stream()
                .map(r -> ((org.maildoctor.dns.DnsRecord.Txt) r).text()).findFirst().orElseThrow();
    }
}
