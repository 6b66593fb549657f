package org.maildoctor.receiver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.maildoctor.content.MessageContent;

/** RFC 8617 5.2 steps 1-3: the structure of the ARC chain. */
class ArcChainTest {
    static ArcResult arc(String headers) {
        return ArcChain.validate(MessageContent.parse((headers + "From: a@example.org\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String set(int i, String cv) {
        return "ARC-Seal: i=" + i + "; a=rsa-sha256; cv=" + cv + "; d=fwd.example; s=s; b=AAAA\r\n"
                + "ARC-Message-Signature: i=" + i + "; a=rsa-sha256; d=fwd.example; s=s; h=from; bh=AAAA; b=AAAA\r\n"
                + "ARC-Authentication-Results: i=" + i + "; fwd.example; spf=pass\r\n";
    }

    @Test
    void noArcHeadersIsNone() {
        assertThat(arc("").verdict()).isEqualTo(ArcResult.Verdict.NONE);
    }

    @Test
    void aStructurallyValidChainIsReportedAsNotEvaluatedNeverAsPass() {
        ArcResult r = arc(set(2, "pass") + set(1, "none"));
        assertThat(r.verdict()).isEqualTo(ArcResult.Verdict.NOT_EVALUATED);
        assertThat(r.instances()).isEqualTo(2);
        assertThat(r.explanation()).contains("not verified");
    }

    @Test
    void brokenChainsFail() {
        assertThat(arc(set(1, "pass")).verdict()).isEqualTo(ArcResult.Verdict.FAIL);
        assertThat(arc(set(2, "fail") + set(1, "none")).verdict()).isEqualTo(ArcResult.Verdict.FAIL);
        assertThat(arc(set(2, "pass")).verdict()).isEqualTo(ArcResult.Verdict.FAIL); // i=1 missing
        assertThat(arc(set(1, "none") + set(1, "none")).verdict()).isEqualTo(ArcResult.Verdict.FAIL);
        assertThat(arc("ARC-Seal: i=1; cv=none; b=A\r\n").verdict()).isEqualTo(ArcResult.Verdict.FAIL);
        assertThat(arc(set(51, "pass")).verdict()).isEqualTo(ArcResult.Verdict.FAIL);
        assertThat(arc("ARC-Seal: cv=none; b=A\r\n").verdict()).isEqualTo(ArcResult.Verdict.FAIL);
    }
}
