package org.maildoctor.auth.spf;

/**
 * How much a lint finding matters. (Kept in this package until {@code model} gains a shared
 * Severity, as DESIGN.md plans; then this moves there.)
 */
public enum Severity {
    /** Worth knowing; nothing to fix. */
    INFO,
    /** Works today but is fragile, deprecated or weakens the policy. */
    WARNING,
    /** Receivers will get permerror, or the policy does not protect the domain. */
    ERROR
}
