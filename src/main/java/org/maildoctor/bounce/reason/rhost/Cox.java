package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.smtp.Reason;

/**
 * Cox (https://www.cox.com/residential/support/email-error-codes.html): the "AUP#CODE" label names
 * the cause; "sender rejected" without a label means the sender's domain did not resolve.
 */
final class Cox implements RemoteHost {

    private static final Pattern LABEL = Pattern.compile("AUP#(\\S+)");
    private static final Map<String, Reason> CODES = Map.ofEntries(
            Map.entry("CXBL", Reason.BLOCKED), Map.entry("CXDNS", Reason.REQUIREPTR),
            Map.entry("CXSNDR", Reason.AUTHFAILURE), Map.entry("CXSMTP", Reason.REJECTED),
            Map.entry("CXCNCT", Reason.TOOMANYCONN), Map.entry("CXMXRT", Reason.TOOMANYCONN),
            Map.entry("CDRBL", Reason.BLOCKED), Map.entry("CXTHRT", Reason.SECURITYERROR),
            Map.entry("CXMJ", Reason.SECURITYERROR),
            Map.entry("URLBL011", Reason.SPAMDETECTED), Map.entry("URLBL101", Reason.SPAMDETECTED),
            Map.entry("URLBL110", Reason.SPAMDETECTED), Map.entry("URLBL1001", Reason.SPAMDETECTED));

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.BLOCKED, "cox too many bad commands from", "too many invalid recipients"),
            row(Reason.REQUIREPTR, "dns check failure - try again later", "rejected - no rdns"),
            row(Reason.POLICYVIOLATION, "esmtp no data before greeting", "attachment extension is forbidden"),
            row(Reason.REJECTED, "sender rejected"),
            row(Reason.SYSTEMERROR, "esmtp server temporarily not available"),
            row(Reason.TOOMANYCONN, "too many sessions from", "requested action aborted: try again later",
                    "message threshold exceeded"),
            row(Reason.USERUNKNOWN, "recipient rejected"));

    @Override
    public List<String> hosts() {
        return List.of("cox.net");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        Matcher m = LABEL.matcher(f.diagnostic());
        if (m.find()) {
            String code = m.group(1);
            // IPBLnnnn: the sending IP is on one or more DNS blocklists Cox consults
            Reason r = code.startsWith("IPBL") ? Reason.BLOCKED : CODES.get(code);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return PHRASES.find(f.lower());
    }
}
