package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAfterMaxFailuresPerClientUntilTheWindowPasses() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(throttle.allowed("10.0.0.1")).isTrue();
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.allowed("10.0.0.1")).isFalse();
        assertThat(throttle.allowed("10.0.0.2")).as("other clients are unaffected").isTrue();

        clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.allowed("10.0.0.1")).isTrue();
    }

    @Test
    void successClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle(new ManualClock());
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("c");
        }
        throttle.succeeded("c");
        throttle.failed("c");
        assertThat(throttle.allowed("c")).isTrue();
    }
}
