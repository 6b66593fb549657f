package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.maildoctor.warmup.RampRequest;

/** The engine's per-account ramps and status. */
public interface RampRepository {

    /** Enrols the account with {@code ramp} (which must have a start date) unless already enrolled; true when added. */
    boolean enrol(String address, RampRequest ramp, Instant now);

    /** Replaces the ramp of an enrolled account; false when not enrolled. */
    boolean update(String address, RampRequest ramp);

    Optional<Enrolment> find(String address);

    List<Enrolment> list();

    /** Pauses with the problem shown to the user; false when not enrolled. */
    boolean pause(String address, String problem, Instant now);

    /**
     * Notes a passing problem on a running account (a dropped connection, a folder gone), or clears it
     * with null; the account keeps running. False when not enrolled or paused (a pause's problem stays).
     */
    boolean note(String address, String problem, Instant now);

    /** Resumes and clears the problem; false when not enrolled. */
    boolean resume(String address, Instant now);
}
