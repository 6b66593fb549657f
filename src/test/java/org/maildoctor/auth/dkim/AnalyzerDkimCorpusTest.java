package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.Envelope;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.receiver.score.ScoreCard;

/**
 * {@code maildoctor analyze} on the DKIM corpus gives exactly the verdicts (and reasons) of the DKIM
 * engine, which {@link DkimCorpusTest} holds to the RFC verdicts and the listed dkimpy disagreements.
 */
class AnalyzerDkimCorpusTest {
    @Test
    void analyzeReportsTheDkimEnginesVerdictForEveryCorpusMessage() throws Exception {
        Clock clock = Clock.fixed(DkimCorpusTest.NOW, ZoneOffset.UTC);
        DkimVerifier verifier = new DkimVerifier(CorpusFiles.zone(), clock);
        MessageAnalyzer analyzer = new MessageAnalyzer(CorpusFiles.zone(), clock, BlocklistLookup.NONE, "maildoctor");
        Envelope env = new Envelope(InetAddress.getByName("192.0.2.1"), "mail.example.com", "sender@example.com",
                List.of(), true);
        int n = 0;
        for (Map<String, String> cells : CorpusFiles.tsv("expected.tsv")) {
            byte[] raw = CorpusFiles.bytes(cells.get("file"));
            List<DkimSignatureResult> direct = verifier.verify(raw);
            ScoreCard card = analyzer.analyze(raw, env).join();
            assertThat(card.dkim()).as(cells.get("file")).hasSameSizeAs(direct);
            for (int i = 0; i < direct.size(); i++) {
                assertThat(card.dkim().get(i).verdict()).as(cells.get("file")).isEqualTo(direct.get(i).verdict());
                assertThat(card.dkim().get(i).reason()).as(cells.get("file")).isEqualTo(direct.get(i).reason());
            }
            n++;
        }
        assertThat(n).isGreaterThan(50);
    }
}
