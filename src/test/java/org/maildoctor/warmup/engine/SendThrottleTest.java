package org.maildoctor.warmup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.MailboxProvider;

class SendThrottleTest {
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anAccountGetsItsBurstThenOneTokenPerInterval() {
        SendThrottle t = new SendThrottle(new SendLimits(2, 3, Map.of(), 1));
        for (int i = 0; i < 3; i++) {
            assertThat(t.acquire("a@x.test", MailboxProvider.CUSTOM, T)).isZero();
        }
        assertThat(t.acquire("a@x.test", MailboxProvider.CUSTOM, T)).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.acquire("b@x.test", MailboxProvider.CUSTOM, T)).as("other accounts unaffected").isZero();
        assertThat(t.acquire("a@x.test", MailboxProvider.CUSTOM, T.plusSeconds(30))).isZero();
        assertThat(t.acquire("a@x.test", MailboxProvider.CUSTOM, T.plusSeconds(30))).isPositive();
    }

    @Test
    void aProviderLimitSpansItsAccountsAndARefusalTakesNoToken() {
        SendThrottle t = new SendThrottle(new SendLimits(60, 10, Map.of(MailboxProvider.GMAIL, 6.0), 2));
        assertThat(t.acquire("a@gmail.com", MailboxProvider.GMAIL, T)).isZero();
        assertThat(t.acquire("b@gmail.com", MailboxProvider.GMAIL, T)).isZero();
        assertThat(t.acquire("c@gmail.com", MailboxProvider.GMAIL, T)).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.acquire("d@yahoo.com", MailboxProvider.YAHOO, T)).as("no Yahoo limit configured").isZero();
        // c was refused: its own bucket still holds its tokens, so it goes as soon as Gmail's refills
        assertThat(t.acquire("c@gmail.com", MailboxProvider.GMAIL, T.plusSeconds(10))).isZero();
    }
}
