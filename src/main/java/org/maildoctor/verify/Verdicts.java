package org.maildoctor.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.maildoctor.smtp.SmtpReply;

/**
 * The decision, pure: from the flags, the mail route and the probe result to one verdict and
 * reason. Precedence: conclusive undeliverable evidence, then a disposable domain, then what the
 * RCPT answer says (catch-all, mailbox full, accept-all provider, inconclusive answers), then a
 * role account; only an accepted RCPT with none of these is deliverable.
 */
final class Verdicts {
    private Verdicts() {
    }

    record Input(String given, AddressSyntax.Parsed address, Set<Flag> flags, Optional<String> suggestion) {
    }

    static Verification invalid(String given, String why) {
        return new Verification(given, Optional.empty(), Verdict.UNDELIVERABLE, VerdictReason.SYNTAXERROR,
                Optional.of(why), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    static Verification interrupted(Input in) {
        return result(in, VerdictReason.INTERRUPTED, "the probe was in flight when the job's process stopped"
                + " (kill -9, crash): its RCPT may have reached the server, so it is not asked again"
                + " (--retry-interrupted asks again)", in.flags(), Optional.empty(), Optional.empty(), List.of());
    }

    static Verification fromRoute(Input in, MailRoute route) {
        return switch (route) {
            case MailRoute.NullMx n -> result(in, VerdictReason.NOTACCEPT, "null MX (RFC 7505): " + n.domain()
                    + " declares that it accepts no mail", in.flags(), Optional.empty(), Optional.empty(), List.of());
            case MailRoute.NoMailHost n -> result(in, VerdictReason.HOSTUNKNOWN, n.why(), in.flags(), Optional.empty(),
                    Optional.empty(), List.of());
            case MailRoute.Inconclusive n -> result(in, VerdictReason.DNSERROR, n.why(), in.flags(), Optional.empty(),
                    Optional.empty(), List.of());
            case MailRoute.Hosts h -> throw new IllegalArgumentException("a route with hosts needs a probe");
        };
    }

    static Verification fromProbe(Input in, ProbeResult probe, Optional<String> acceptAllEntry, boolean transcript) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(in.flags());
        if (probe.catchAll().orElse(false)) {
            flags.add(Flag.CATCHALL);
        }
        if (acceptAllEntry.isPresent()) {
            flags.add(Flag.ACCEPT_ALL_PROVIDER);
        }
        List<String> t = transcript ? probe.transcript() : List.of();
        Optional<SmtpReply> reply = probe.reply();
        if (probe.failure().isPresent()) {
            ProbeFailure f = probe.failure().get();
            VerdictReason reason = switch (f.kind()) {
                case TIMEOUT -> VerdictReason.TIMEOUT;
                case NETWORK -> f.detail().startsWith(SessionProber.PRIVATE_PREFIX) ? VerdictReason.PRIVATEADDRESS
                        : VerdictReason.NETWORKERROR;
                case PROTOCOL -> VerdictReason.NETWORKERROR;
                case REJECTED -> f.reply().map(Verdicts::sessionRejection).orElse(VerdictReason.UNDEFINED);
            };
            if (in.flags().contains(Flag.DISPOSABLE)) {
                return result(in, VerdictReason.DISPOSABLE, f.detail(), flags, probe.mx(), reply, t);
            }
            return result(in, reason, f.detail(), flags, probe.mx(), reply, t);
        }
        RcptOutcome outcome = probe.outcome().orElseThrow();
        String detail = reply.map(r -> "RCPT TO answered " + r.toString().strip()).orElse("");
        VerdictReason fromRcpt = switch (outcome) {
            case USER_UNKNOWN -> VerdictReason.USERUNKNOWN;
            case DISABLED -> VerdictReason.SUSPEND;
            case MAILBOX_FULL -> VerdictReason.MAILBOXFULL;
            case TRY_LATER, TOO_MANY_RECIPIENTS -> VerdictReason.GREYLISTED;
            case BLOCKED -> VerdictReason.BLOCKED;
            case INCONCLUSIVE -> VerdictReason.UNDEFINED;
            case ACCEPTED -> VerdictReason.ACCEPTED;
        };
        if (outcome == RcptOutcome.TRY_LATER && probe.attempts() > 1) {
            detail = detail + " (" + probe.attempts() + " attempts)";
        }
        if (fromRcpt.verdict() == Verdict.UNDELIVERABLE) {
            return result(in, fromRcpt, detail, flags, probe.mx(), reply, t);
        }
        if (in.flags().contains(Flag.DISPOSABLE)) {
            return result(in, VerdictReason.DISPOSABLE, detail, flags, probe.mx(), reply, t);
        }
        if (fromRcpt == VerdictReason.ACCEPTED) {
            if (acceptAllEntry.isPresent()) {
                return result(in, VerdictReason.ACCEPTALL, "accepted by " + probe.mx().orElse("?") + ", which matches the"
                        + " accept-all provider entry '" + acceptAllEntry.get() + "'", flags, probe.mx(), reply, t);
            }
            if (flags.contains(Flag.CATCHALL)) {
                return result(in, VerdictReason.CATCHALL, "a random address at " + in.address().domain()
                        + " was accepted too", flags, probe.mx(), reply, t);
            }
            if (flags.contains(Flag.ROLE)) {
                return result(in, VerdictReason.ROLE, detail, flags, probe.mx(), reply, t);
            }
        }
        return result(in, fromRcpt, detail, flags, probe.mx(), reply, t);
    }

    /** A greeting or MAIL FROM that is refused speaks about the prober, not the recipient. */
    private static VerdictReason sessionRejection(SmtpReply reply) {
        if (reply.isTransientFailure()) {
            return VerdictReason.GREYLISTED;
        }
        return VerdictReason.BLOCKED;
    }

    private static Verification result(Input in, VerdictReason reason, String detail, Set<Flag> flags,
                                       Optional<String> mx, Optional<SmtpReply> reply, List<String> transcript) {
        return new Verification(in.given(), Optional.of(in.address().normalized()), reason.verdict(), reason,
                detail == null || detail.isBlank() ? Optional.empty() : Optional.of(detail), flags, in.suggestion(),
                mx, reply, transcript);
    }
}
