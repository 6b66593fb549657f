package org.maildoctor.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dkim.RawMessage;

/** RFC 8617 5.2 steps 1-3: the structure of the chain, before any cryptography. */
class ArcChainReaderTest {
    static ArcChainReader.ChainRead read(String headers) {
        return ArcChainReader.read(RawMessage.parse((headers + "From: a@example.org\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8)).headers());
    }

    static String set(int i, String cv) {
        return "ARC-Seal: i=" + i + "; a=rsa-sha256; cv=" + cv + "; d=fwd.example; s=s; b=AAAA\r\n"
                + "ARC-Message-Signature: i=" + i + "; a=rsa-sha256; d=fwd.example; s=s; h=from; bh=AAAA; b=AAAA\r\n"
                + "ARC-Authentication-Results: i=" + i + "; fwd.example; spf=pass\r\n";
    }

    static ArcFailure failure(String headers) {
        return read(headers) instanceof ArcChainReader.ChainRead.Broken b ? b.reason() : ArcFailure.NONE;
    }

    @Test
    void noArcHeadersIsNoChain() {
        assertThat(read("Subject: x\r\n")).isInstanceOf(ArcChainReader.ChainRead.NoChain.class);
    }

    @Test
    void completeSetsInAnyHeaderOrderAreAChainInInstanceOrder() {
        ArcChainReader.ChainRead r = read(set(1, "none") + "Received: x\r\n" + set(2, "pass"));
        assertThat(r).isInstanceOfSatisfying(ArcChainReader.ChainRead.Chain.class, c -> {
            assertThat(c.sets()).extracting(ArcSet::instance).containsExactly(1, 2);
            assertThat(c.sets().get(1).seal().cv()).isEqualTo(ChainStatus.PASS);
        });
    }

    @Test
    void structuralFailuresNameTheirRule() {
        assertThat(failure(set(1, "pass"))).isEqualTo(ArcFailure.INVALID_CV);
        assertThat(failure(set(2, "none") + set(1, "none"))).isEqualTo(ArcFailure.INVALID_CV);
        assertThat(failure(set(2, "fail") + set(1, "none"))).isEqualTo(ArcFailure.SEALED_AS_FAILED);
        assertThat(failure(set(2, "pass"))).isEqualTo(ArcFailure.INCOMPLETE_SET);
        assertThat(failure(set(3, "pass") + set(1, "none"))).isEqualTo(ArcFailure.INCOMPLETE_SET);
        assertThat(failure(set(1, "none") + set(1, "none"))).isEqualTo(ArcFailure.DUPLICATE_FIELD);
        assertThat(failure("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=fwd.example; s=s; b=AAAA\r\n"))
                .isEqualTo(ArcFailure.INCOMPLETE_SET);
        assertThat(failure("ARC-Seal: cv=none; b=A\r\n")).isEqualTo(ArcFailure.MALFORMED_INSTANCE);
        assertThat(failure("ARC-Authentication-Results: fwd.example; i=1; spf=pass\r\n"))
                .isEqualTo(ArcFailure.MALFORMED_INSTANCE);
        assertThat(failure(set(51, "pass"))).isEqualTo(ArcFailure.TOO_MANY_SETS);
        assertThat(failure(set(1, "none").replace("cv=none", "cv=maybe"))).isEqualTo(ArcFailure.SEAL_SYNTAX);
        assertThat(failure(set(1, "none").replace("; s=s; b=AAAA", "; s=s; h=from; b=AAAA")))
                .isEqualTo(ArcFailure.SEAL_SYNTAX);
    }

    @Test
    void fiftySetsAreAllowed() {
        StringBuilder sb = new StringBuilder();
        for (int i = 50; i >= 1; i--) {
            sb.append(set(i, i == 1 ? "none" : "pass"));
        }
        assertThat(read(sb.toString())).isInstanceOfSatisfying(ArcChainReader.ChainRead.Chain.class,
                c -> assertThat(c.sets()).hasSize(50));
    }
}
