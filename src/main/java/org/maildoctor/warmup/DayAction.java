package org.maildoctor.warmup;

/** What the planner did to a day's volume, and why the curve has its shape there. */
public enum DayAction {
    /** The first sending day: the configured start volume. */
    START("start"),
    /** Volume raised by at most the step. */
    GROW("grow"),
    /** At the target (or the provider cap): volume stays. */
    PLATEAU("plateau"),
    /** Warning signs the previous sending day (some spam placement): volume kept, not raised. */
    HOLD("hold"),
    /** Bad signals the previous sending day (bounces, heavy spam placement, authentication failures): volume halved. */
    CUT("cut"),
    /** Not a sending day (weekend when weekdays-only). */
    REST("rest");

    private final String code;

    DayAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
