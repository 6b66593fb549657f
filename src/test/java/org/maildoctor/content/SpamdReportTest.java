package org.maildoctor.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** spamd's REPORT answer as SpamAssassin 4.0 writes it (captured from the harness spamd). */
class SpamdReportTest {
    private static final String SPAM = "SPAMD/1.1 0 EX_OK\r\nContent-length: 893\r\nSpam: True ; 5.8 / 5.0\r\n\r\n"
            + "Spam detection software, running on the system \"vm\",\nhas identified this incoming email as possible spam.\n\n"
            + "Content analysis details:   (5.8 points, 5.0 required)\n\n"
            + " pts rule name              description\n"
            + "---- ---------------------- --------------------------------------------------\n"
            + " 0.6 MISSING_MID            Missing Message-Id: header\n"
            + "-0.0 NO_RECEIVED            Informational: message has no Received headers\n"
            + " 2.7 MISSING_DATE           Missing Date: header\n"
            + " 1.8 DRUGS_ERECTILE         Refers to an erectile drug\n"
            + "-1.9 BAYES_00               BODY: Bayes spam probability is 0 to 1%\n"
            + "                            [score: 0.0000]\n\n";

    @Test
    void readsTheVerdictAndTheRuleTableHighestFirst() {
        SecondOpinion.Verdict v = SpamdReport.parse(SPAM);
        assertThat(v.spam()).isTrue();
        assertThat(v.score()).isEqualTo(5.8);
        assertThat(v.threshold()).isEqualTo(5.0);
        assertThat(v.action()).isEmpty();
        assertThat(v.rules()).extracting(SecondOpinion.Rule::name)
                .containsExactly("MISSING_DATE", "DRUGS_ERECTILE", "MISSING_MID", "NO_RECEIVED", "BAYES_00");
        assertThat(v.rules().getLast().description()).isEqualTo("BODY: Bayes spam probability is 0 to 1% [score: 0.0000]");
        assertThat(v.rules().getFirst().score()).isEqualTo(2.7);
    }

    @Test
    void hamWithoutRulesAndSpamdErrorsAreTellable() {
        SecondOpinion.Verdict ham = SpamdReport.parse("SPAMD/1.1 0 EX_OK\r\nSpam: False ; 0.1 / 5.0\r\n\r\n");
        assertThat(ham.spam()).isFalse();
        assertThat(ham.rules()).isEmpty();
        assertThatThrownBy(() -> SpamdReport.parse("SPAMD/1.0 76 Bad header line: FOO\r\n"))
                .hasMessage("spamd error 76 Bad header line: FOO");
        assertThatThrownBy(() -> SpamdReport.parse("HTTP/1.1 400 Bad Request\r\n\r\n"))
                .hasMessageContaining("not a spamd answer");
        assertThatThrownBy(() -> SpamdReport.parse("SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\n\r\n"))
                .hasMessageContaining("without a Spam: header");
    }

    @Test
    void anUnavailableOpinionSaysSoInOneLine() {
        SecondOpinion o = SecondOpinion.unavailable("spamassassin", "127.0.0.1:783", "cannot reach spamd: Connection refused");
        assertThat(o.summary()).isEqualTo(
                "second opinion unavailable: spamassassin at 127.0.0.1:783: cannot reach spamd: Connection refused");
        assertThatThrownBy(() -> new SecondOpinion("x", "y", java.util.Optional.empty(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
