package org.maildoctor.auth.spf;

import org.maildoctor.model.Severity;

import java.util.Objects;

/**
 * One lint finding.
 *
 * @param check       what was checked ({@link SpfCheck#id()} is the stable id)
 * @param severity    how much it matters
 * @param domain      the domain whose record (or DNS data) the finding is about
 * @param explanation what is wrong and what receivers do about it
 * @param fix         what to publish instead
 */
public record SpfFinding(SpfCheck check, Severity severity, String domain, String explanation, String fix) {
    public SpfFinding {
        Objects.requireNonNull(check);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(explanation);
        Objects.requireNonNull(fix);
    }

    public String id() {
        return check.id();
    }
}
