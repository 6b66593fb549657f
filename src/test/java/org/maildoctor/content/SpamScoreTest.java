package org.maildoctor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spam score: the findings' spam weights summed, and the verdict against the shipped threshold. */
class SpamScoreTest {
    static ContentReport check(String crafted) throws IOException {
        try (InputStream in = SpamScoreTest.class.getResourceAsStream("/content/crafted/" + crafted)) {
            return ContentChecker.standard().check(MessageContent.parse(in.readAllBytes()), Set.of());
        }
    }

    @Test
    void aCleanMessageScoresZeroAndIsNotSpam() throws IOException {
        ContentReport r = check("control.eml");
        assertThat(r.spamScore()).isZero();
        assertThat(r.likelySpam()).isFalse();
    }

    @Test
    void templateHygieneAloneStaysBelowTheLine() throws IOException {
        // a tracking pixel or an image without alt is untidy, not spam
        assertThat(check("tracking-pixel.eml").likelySpam()).isFalse();
        assertThat(check("image-no-alt.eml").likelySpam()).isFalse();
        assertThat(check("links-too-many.eml").likelySpam()).isFalse();
    }

    @Test
    void forgedSenderSignalsAddUpToSpam() throws IOException {
        String raw = new String(SpamScoreTest.class.getResourceAsStream("/content/crafted/forged-mailer.eml")
                .readAllBytes(), StandardCharsets.UTF_8).replace("Date: Tue, 1 Dec 2026 10:00:00 +0000",
                "Date: Tue, 1 Dec 2026 10:00:00 -1900");
        ContentReport r = ContentChecker.standard().check(MessageContent.parse(raw.getBytes(StandardCharsets.UTF_8)),
                Set.of());
        assertThat(r.ids()).containsExactlyInAnyOrder("sender.forged-mailer", "date.impossible-zone");
        assertThat(r.spamScore()).isEqualTo(ContentFindingId.SENDER_FORGED_MAILER.spamWeight()
                + ContentFindingId.DATE_IMPOSSIBLE_ZONE.spamWeight());
        assertThat(r.likelySpam()).isTrue();
    }

    @Test
    void oneStrongSignalReachesTheLine() throws IOException {
        assertThat(check("forged-mailer.eml").likelySpam()).isTrue();
        assertThat(check("link-ip-literal.eml").likelySpam()).isTrue();
    }
}
