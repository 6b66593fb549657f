package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-domain and global RCPT rate limits on a fake clock that moves only when the throttle sleeps. */
class RcptThrottleTest {

    /** A clock the sleeper advances: waiting costs no real time and every wait is recorded. */
    private static final class FakeTime extends Clock implements Sleeper {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        Duration slept() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    @Test
    void perDomainLimitPacesOneDomainAfterTheBurst() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(new RateLimits(10, 0), t, t);
        for (int i = 0; i < 10; i++) {
            throttle.acquire("example.org", 1);
        }
        assertThat(t.sleeps).as("one second's burst is free").isEmpty();
        for (int i = 0; i < 20; i++) {
            throttle.acquire("example.org", 1);
        }
        // 20 more at 10/s: two seconds, 100 ms apart
        assertThat(t.slept()).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.sleeps).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void domainsHaveSeparateBuckets() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(new RateLimits(5, 0), t, t);
        for (String d : List.of("a.example", "b.example", "c.example")) {
            throttle.acquire(d, 5);
        }
        assertThat(t.sleeps).isEmpty();
        throttle.acquire("b.example", 5);
        assertThat(t.slept()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void globalLimitCapsAllDomainsTogether() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(new RateLimits(0, 100), t, t);
        for (int i = 0; i < 300; i++) {
            throttle.acquire("d" + i + ".example", 1);
        }
        // 100 free, then 200 at 100/s
        assertThat(t.slept()).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.now).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
    }

    @Test
    void batchLargerThanTheBurstWaitsForItsDebt() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(new RateLimits(20, 0), t, t);
        throttle.acquire("example.org", 50);
        assertThat(t.slept()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void idleTimeRefillsOnlyUpToOneSecondsWorth() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(new RateLimits(10, 0), t, t);
        throttle.acquire("example.org", 10);
        t.now = t.now.plus(Duration.ofMinutes(5));
        throttle.acquire("example.org", 10);
        assertThat(t.sleeps).isEmpty();
        throttle.acquire("example.org", 1);
        assertThat(t.slept()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void noLimitsNeverWait() throws Exception {
        FakeTime t = new FakeTime();
        RcptThrottle throttle = new RcptThrottle(RateLimits.NONE, t, t);
        for (int i = 0; i < 10_000; i++) {
            throttle.acquire("example.org", 50);
        }
        assertThat(t.sleeps).isEmpty();
    }

    @Test
    void negativeOrNonFiniteRatesAreRejected() {
        assertThatThrownBy(() -> new RateLimits(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(Double.POSITIVE_INFINITY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
