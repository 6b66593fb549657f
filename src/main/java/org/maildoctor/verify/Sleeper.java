package org.maildoctor.verify;

import java.time.Duration;

/** Waits between greylisting retries; injected so tests do not wait for real. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d);
}
