package org.maildoctor.verify;

import java.util.Locale;

/**
 * Why a verdict was given. Undeliverable reasons use Sisimai's names (as the bounce parser does),
 * so a verification and a later bounce speak the same vocabulary.
 */
public enum VerdictReason {
    /** The server accepted the recipient. */
    ACCEPTED(Verdict.DELIVERABLE, "the mail server accepted the recipient"),
    SYNTAXERROR(Verdict.UNDELIVERABLE, "the address is not valid (RFC 5321/5322 syntax)"),
    HOSTUNKNOWN(Verdict.UNDELIVERABLE, "the domain does not exist or has no mail host"),
    NOTACCEPT(Verdict.UNDELIVERABLE, "the domain accepts no mail (null MX, RFC 7505)"),
    USERUNKNOWN(Verdict.UNDELIVERABLE, "the mailbox does not exist"),
    SUSPEND(Verdict.UNDELIVERABLE, "the mailbox is disabled or suspended"),
    CATCHALL(Verdict.RISKY, "the domain accepts every recipient (catch-all), so acceptance proves nothing"),
    MAILBOXFULL(Verdict.RISKY, "the mailbox is full"),
    DISPOSABLE(Verdict.RISKY, "a disposable (throw-away) mailbox service"),
    ROLE(Verdict.RISKY, "a role account (a function, not a person)"),
    GREYLISTED(Verdict.UNKNOWN, "the server asked to try again later (greylisting) until the retry budget ran out"),
    BLOCKED(Verdict.UNKNOWN, "the server refused the probe itself (policy or reputation, 5.7.x); says nothing about the mailbox"),
    ACCEPTALL(Verdict.UNKNOWN, "accept-all provider: its RCPT answer proves nothing"),
    TIMEOUT(Verdict.UNKNOWN, "the mail server did not answer in time"),
    NETWORKERROR(Verdict.UNKNOWN, "no mail server could be reached, or it broke the SMTP conversation"),
    DNSERROR(Verdict.UNKNOWN, "DNS gave no conclusive answer (timeout, SERVFAIL, REFUSED)"),
    PRIVATEADDRESS(Verdict.UNKNOWN, "the mail host has a private, loopback or reserved address (allow with --allow-private)"),
    INTERRUPTED(Verdict.UNKNOWN, "the probe was in flight when the bulk job stopped; not asked again, so no address is probed twice"),
    UNDEFINED(Verdict.UNKNOWN, "the server's answer was not conclusive");

    private final Verdict verdict;
    private final String summary;

    VerdictReason(Verdict verdict, String summary) {
        this.verdict = verdict;
        this.summary = summary;
    }

    /** The verdict this reason implies. */
    public Verdict verdict() {
        return verdict;
    }

    public String summary() {
        return summary;
    }

    /** The JSON and CSV spelling, e.g. {@code userunknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
