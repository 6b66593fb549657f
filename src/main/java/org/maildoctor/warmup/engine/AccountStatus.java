package org.maildoctor.warmup.engine;

import java.util.Locale;

/** Whether the engine runs an account's ramp. A paused account sends and engages nothing until resumed. */
public enum AccountStatus {
    ACTIVE,
    PAUSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
