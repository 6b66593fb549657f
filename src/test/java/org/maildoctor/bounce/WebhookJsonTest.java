package org.maildoctor.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.Reason;

/** Webhook bodies as input: SendGrid's Event Webhook array and Amazon SES notifications. */
class WebhookJsonTest {

    private static ParseOutcome parse(String json) {
        return BounceParser.standard().parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendGridEventWebhookArrayGivesOneResultPerDeliveryEvent() {
        String body = """
                [
                 {"email":"a@example.com","timestamp":1513299569,"event":"processed","sg_event_id":"x1"},
                 {"email":"b@example.com","timestamp":1513299569,"event":"bounce","type":"bounce","status":"5.1.1",
                  "reason":"550 5.1.1 The email account that you tried to reach does not exist."},
                 {"email":"c@example.com","timestamp":1513299569,"event":"dropped","reason":"Bounced Address"},
                 {"email":"d@example.com","timestamp":1513299569,"event":"deferred","response":"451 4.7.1 Greylisted, try again"},
                 {"email":"e@example.com","timestamp":1513299569,"event":"open"},
                 {"email":"f@example.com","timestamp":1513299569,"event":"spamreport"}
                ]""";
        ParseOutcome o = parse(body);
        assertThat(o).isInstanceOf(ParseOutcome.Bounces.class);
        ParseOutcome.Bounces b = (ParseOutcome.Bounces) o;
        assertThat(b.dialect()).isEqualTo("SendGrid");
        assertThat(b.results()).extracting(BounceResult::recipient)
                .containsExactly("b@example.com", "c@example.com", "d@example.com", "f@example.com");
        assertThat(b.results()).extracting(BounceResult::reason)
                .containsExactly(Reason.USERUNKNOWN, Reason.SUPPRESSED, Reason.BLOCKED, Reason.FEEDBACK);
        assertThat(b.results().get(0).hard()).isTrue();
        assertThat(b.results().get(2).hard()).isFalse();
    }

    @Test
    void jsonWithNoDeliveryEventIsNotABounce() {
        assertThat(parse("[{\"email\":\"a@example.com\",\"event\":\"open\"}]")).isInstanceOf(ParseOutcome.NotABounce.class);
        assertThat(parse("{\"hello\":\"world\"}")).isInstanceOf(ParseOutcome.NotABounce.class);
        assertThat(parse("[1, 2, 3]")).isInstanceOf(ParseOutcome.NotABounce.class);
        assertThat(parse("[{\"email\": ")).isNotInstanceOf(ParseOutcome.Bounces.class);
    }
}
