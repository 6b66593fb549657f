package org.maildoctor.bounce.reason;

import java.util.Map;
import java.util.Optional;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReplyClass;

/**
 * The reason an enhanced status code names by itself, in the convention of the peer decoder
 * (Sisimai 5), so that results compare one to one. Codes that name no single cause (X.0.0, 5.5.0,
 * 4.3.0 ...) are absent: their reason comes from the wording. Where the peer reads a code differently
 * from the RFC title the comment says so.
 */
public final class StatusReasons {

    private static final Map<String, Reason> PERMANENT = Map.ofEntries(
            Map.entry("1.0", Reason.USERUNKNOWN), Map.entry("1.1", Reason.USERUNKNOWN),
            Map.entry("1.2", Reason.HOSTUNKNOWN), Map.entry("1.3", Reason.USERUNKNOWN),
            // "ambiguous" recipient: the peer counts it as the recipient side refusing
            Map.entry("1.4", Reason.FILTERED), Map.entry("1.6", Reason.HASMOVED),
            Map.entry("1.7", Reason.REJECTED), Map.entry("1.8", Reason.REJECTED),
            Map.entry("1.9", Reason.SYSTEMERROR), Map.entry("1.10", Reason.NOTACCEPT),
            // X.2.0 and X.2.1 (mailbox disabled) the peer calls filtered unless the wording says suspended
            Map.entry("2.0", Reason.FILTERED), Map.entry("2.1", Reason.FILTERED),
            Map.entry("2.2", Reason.MAILBOXFULL), Map.entry("2.3", Reason.EXCEEDLIMIT),
            Map.entry("2.4", Reason.FILTERED),
            Map.entry("3.0", Reason.SYSTEMERROR), Map.entry("3.1", Reason.SYSTEMFULL),
            Map.entry("3.2", Reason.NOTACCEPT), Map.entry("3.3", Reason.SYSTEMERROR),
            Map.entry("3.4", Reason.MESGTOOBIG), Map.entry("3.5", Reason.SYSTEMERROR),
            Map.entry("4.0", Reason.NETWORKERROR), Map.entry("4.3", Reason.SYSTEMERROR),
            Map.entry("4.4", Reason.HOSTUNKNOWN),
            Map.entry("5.2", Reason.SYNTAXERROR), Map.entry("5.3", Reason.TOOMANYCONN),
            Map.entry("5.4", Reason.SYSTEMERROR), Map.entry("5.5", Reason.SYSTEMERROR),
            Map.entry("5.6", Reason.SYNTAXERROR),
            Map.entry("6.0", Reason.CONTENTERROR), Map.entry("6.1", Reason.CONTENTERROR),
            Map.entry("6.2", Reason.CONTENTERROR), Map.entry("6.3", Reason.CONTENTERROR),
            Map.entry("6.5", Reason.CONTENTERROR), Map.entry("6.6", Reason.CONTENTERROR),
            Map.entry("6.7", Reason.CONTENTERROR), Map.entry("6.8", Reason.CONTENTERROR),
            Map.entry("6.9", Reason.CONTENTERROR),
            Map.entry("7.0", Reason.SECURITYERROR), Map.entry("7.1", Reason.SECURITYERROR),
            Map.entry("7.2", Reason.SECURITYERROR), Map.entry("7.3", Reason.SECURITYERROR),
            Map.entry("7.4", Reason.SECURITYERROR), Map.entry("7.5", Reason.SECURITYERROR),
            Map.entry("7.6", Reason.SECURITYERROR), Map.entry("7.7", Reason.SECURITYERROR),
            Map.entry("7.8", Reason.SECURITYERROR), Map.entry("7.9", Reason.SECURITYERROR),
            Map.entry("7.10", Reason.SECURITYERROR), Map.entry("7.11", Reason.SECURITYERROR),
            Map.entry("7.13", Reason.SUSPEND), Map.entry("7.14", Reason.SECURITYERROR),
            Map.entry("7.15", Reason.SECURITYERROR), Map.entry("7.16", Reason.MESGTOOBIG),
            Map.entry("7.17", Reason.HASMOVED), Map.entry("7.18", Reason.HASMOVED),
            Map.entry("7.19", Reason.SECURITYERROR), Map.entry("7.20", Reason.AUTHFAILURE),
            Map.entry("7.21", Reason.AUTHFAILURE), Map.entry("7.22", Reason.AUTHFAILURE),
            Map.entry("7.23", Reason.AUTHFAILURE), Map.entry("7.24", Reason.AUTHFAILURE),
            Map.entry("7.25", Reason.REQUIREPTR), Map.entry("7.26", Reason.AUTHFAILURE),
            Map.entry("7.27", Reason.NOTACCEPT), Map.entry("7.28", Reason.SPAMDETECTED),
            Map.entry("7.29", Reason.AUTHFAILURE), Map.entry("7.30", Reason.FAILEDSTARTTLS));

    private static final Map<String, Reason> TRANSIENT = Map.ofEntries(
            Map.entry("1.6", Reason.HASMOVED), Map.entry("1.7", Reason.REJECTED), Map.entry("1.8", Reason.REJECTED),
            Map.entry("1.9", Reason.SYSTEMERROR),
            // a temporarily disabled mailbox: the peer calls the 4xx case blocked
            Map.entry("2.1", Reason.BLOCKED), Map.entry("2.2", Reason.MAILBOXFULL),
            Map.entry("2.3", Reason.EXCEEDLIMIT), Map.entry("2.4", Reason.FILTERED),
            Map.entry("3.1", Reason.SYSTEMFULL), Map.entry("3.2", Reason.NOTACCEPT),
            Map.entry("3.3", Reason.SYSTEMERROR), Map.entry("3.5", Reason.SYSTEMERROR),
            // "no answer from host" after retries is an expiry in practice
            Map.entry("4.1", Reason.EXPIRED), Map.entry("4.2", Reason.NETWORKERROR),
            Map.entry("4.3", Reason.SYSTEMERROR), Map.entry("4.4", Reason.NETWORKERROR),
            Map.entry("4.5", Reason.SYSTEMFULL), Map.entry("4.6", Reason.NETWORKERROR),
            Map.entry("4.7", Reason.EXPIRED), Map.entry("4.8", Reason.NETWORKERROR),
            Map.entry("5.3", Reason.SYSTEMERROR), Map.entry("5.5", Reason.SYSTEMERROR),
            Map.entry("6.0", Reason.CONTENTERROR), Map.entry("6.2", Reason.CONTENTERROR),
            Map.entry("6.5", Reason.CONTENTERROR),
            Map.entry("7.1", Reason.BLOCKED), Map.entry("7.2", Reason.BLOCKED),
            Map.entry("7.5", Reason.SECURITYERROR), Map.entry("7.6", Reason.SECURITYERROR),
            Map.entry("7.7", Reason.SECURITYERROR), Map.entry("7.12", Reason.SECURITYERROR),
            Map.entry("7.15", Reason.SECURITYERROR), Map.entry("7.16", Reason.MESGTOOBIG),
            Map.entry("7.24", Reason.AUTHFAILURE), Map.entry("7.25", Reason.REQUIREPTR),
            Map.entry("7.26", Reason.AUTHFAILURE));

    private StatusReasons() {
    }

    public static Optional<Reason> of(EnhancedStatus s) {
        if (s.statusClass() == ReplyClass.SUCCESS) {
            return Optional.of(Reason.DELIVERED);
        }
        String key = s.subject() + "." + s.detail();
        return Optional.ofNullable(s.isTransientFailure() ? TRANSIENT.get(key) : PERMANENT.get(key));
    }
}
