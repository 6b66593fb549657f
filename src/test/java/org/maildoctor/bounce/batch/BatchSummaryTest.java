package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.bounce.ReturnedMessage;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReplyCode;

class BatchSummaryTest {

    static BounceResult result(String rcpt, String status, Reason reason, boolean hard, String action, String remoteMta) {
        return new BounceResult(rcpt, "", action, EnhancedStatus.parse(status), Optional.empty(), "smtp",
                "550 " + status + " refused", "RCPT", "mx.sender.test", remoteMta, "", "", ReturnedMessage.NONE, reason, hard,
                "", "RFC3464");
    }

    static void add(BatchSummary s, BounceResult r) {
        s.message(new ParseOutcome.Bounces(List.of(r), r.dialect(), List.of()));
        s.result(r, Optional.of(Instant.parse("2026-12-06T01:00:00Z")), "f.eml");
    }

    @Test
    void countsByReasonDomainAndProvider() {
        BatchSummary s = new BatchSummary();
        add(s, result("a@gmail.com", "5.1.1", Reason.USERUNKNOWN, true, "failed", "gmail-smtp-in.l.google.com"));
        add(s, result("b@gmail.com", "5.2.2", Reason.MAILBOXFULL, false, "failed", ""));
        add(s, result("c@corp.example", "5.7.1", Reason.POLICYVIOLATION, false, "failed", "corp-example.mail.protection.outlook.com"));
        s.message(new ParseOutcome.NotABounce("ordinary mail"));
        s.message(new ParseOutcome.Undecodable("binary"));
        SummaryReport r = s.report(OptionalLong.empty());
        assertThat(r.messages()).isEqualTo(5);
        assertThat(r.bounces()).isEqualTo(3);
        assertThat(r.notBounces()).isEqualTo(1);
        assertThat(r.undecodable()).isEqualTo(1);
        assertThat(r.byReason()).containsEntry("userunknown", 1L).containsEntry("mailboxfull", 1L).containsEntry("policyviolation", 1L);
        assertThat(r.byDomain()).containsEntry("gmail.com", 2L).containsEntry("corp.example", 1L);
        assertThat(r.byDomain().keySet()).first().isEqualTo("gmail.com"); // most first
        assertThat(r.byProvider()).containsEntry("Google", 2L).containsEntry("Microsoft", 1L);
        assertThat(r.rate()).isEmpty();
    }

    @Test
    void hardBouncesMakeAUniqueSortedSuppressionList() {
        BatchSummary s = new BatchSummary();
        add(s, result("Zed@example.com", "5.1.1", Reason.USERUNKNOWN, true, "failed", ""));
        add(s, result("zed@example.com", "5.1.1", Reason.USERUNKNOWN, true, "failed", ""));
        add(s, result("amy@example.com", "5.1.2", Reason.HOSTUNKNOWN, true, "failed", ""));
        add(s, result("soft@example.com", "4.2.2", Reason.MAILBOXFULL, false, "delayed", ""));
        List<SuppressionEntry> sup = s.report(OptionalLong.empty()).suppression();
        assertThat(sup).extracting(SuppressionEntry::email).containsExactly("amy@example.com", "zed@example.com");
        assertThat(sup.get(0).reason()).isEqualTo("hostunknown");
        assertThat(sup.get(0).status()).isEqualTo("5.1.2");
        assertThat(sup.get(0).date()).isEqualTo("2026-12-06T01:00:00Z");
    }

    @Test
    void bounceRateCountsDistinctFailedRecipientsAgainstTheTwoPercentLine() {
        BatchSummary s = new BatchSummary();
        for (int i = 0; i < 3; i++) {
            add(s, result("u" + i + "@example.com", "5.1.1", Reason.USERUNKNOWN, true, "failed", ""));
        }
        add(s, result("u0@example.com", "5.1.1", Reason.USERUNKNOWN, true, "failed", "")); // the same address again
        add(s, result("late@example.com", "4.4.7", Reason.EXPIRED, false, "delayed", "")); // not (yet) a failure
        add(s, result("ooo@example.com", "", Reason.VACATION, false, "", ""));            // an auto-reply
        BounceRate above = s.report(OptionalLong.of(100)).rate().orElseThrow();
        assertThat(above.bounced()).isEqualTo(3);
        assertThat(above.hard()).isEqualTo(3);
        assertThat(above.rate()).isEqualTo(0.03);
        assertThat(above.aboveLine()).isTrue();
        assertThat(above.explanation()).contains("3.00 %", "above the 2 % line");
        BounceRate below = s.report(OptionalLong.of(1000)).rate().orElseThrow();
        assertThat(below.aboveLine()).isFalse();
    }

    @Test
    void clustersComeThroughTheSummary() {
        BatchSummary s = new BatchSummary(new ClusterDetector(3, java.time.Duration.ofHours(1)));
        for (int i = 0; i < 3; i++) {
            add(s, result("u" + i + "@big.example", "5.1.1", Reason.USERUNKNOWN, true, "failed", ""));
        }
        assertThat(s.report(OptionalLong.empty()).clusters()).singleElement()
                .satisfies(c -> assertThat(c.domain()).isEqualTo("big.example"));
        assertThat(SummaryMaps.toMap(s.report(OptionalLong.of(10)))).containsKeys("byReason", "byDomain", "byProvider",
                "bounceRate", "clusters", "suppression");
    }

    @Test
    void datesAndProviders() {
        Year y = Year.of(2026);
        assertThat(MailDates.parse("Thu, 29 Apr 2010 23:34:45 +0900 (JST)", y)).contains(Instant.parse("2010-04-29T14:34:45Z"));
        assertThat(MailDates.parse("29 Apr 2010 23:34 GMT", y)).contains(Instant.parse("2010-04-29T23:34:00Z"));
        assertThat(MailDates.parse("2026-12-06T01:42:03.123456+00:00", y)).contains(Instant.parse("2026-12-06T01:42:03.123456Z"));
        assertThat(MailDates.parse("2026-12-06 01:42:03", y)).contains(Instant.parse("2026-12-06T01:42:03Z"));
        assertThat(MailDates.parse("Dec  6 01:42:03", y)).contains(Instant.parse("2026-12-06T01:42:03Z"));
        assertThat(MailDates.parse("yesterday", y)).isEmpty();
        assertThat(Providers.of("hotmail.com", "")).isEqualTo("Microsoft");
        assertThat(Providers.of("corp.example", "dns; corp-example.mail.protection.outlook.com")).isEqualTo("Microsoft");
        assertThat(Providers.of("school.example", "aspmx.l.google.com.")).isEqualTo("Google");
        assertThat(Providers.of("example.org", "mx.example.org")).isEqualTo("other");
        assertThat(Providers.domainOf("Jane@Example.COM")).isEqualTo("example.com");
    }
}
