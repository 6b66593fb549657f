package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.smtp.Reason;

/**
 * Orange, Wanadoo and La Poste (https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/):
 * every refusal ends with a label such as "OFR_506", "OFR005_505" or "LPN007_416" whose last three
 * digits are the documented cause; the reply code around it is generic (5.5.0 for a blocked account).
 */
final class FrancePtt implements RemoteHost {

    private static final Pattern LABEL = Pattern.compile("(?i)\\b(?:lpnaaa|lpn|ofr|ouk)\\d*[_-]?(\\d{3})\\b");
    private static final Map<String, Reason> CODES = Map.ofEntries(
            Map.entry("101", Reason.BLOCKED), Map.entry("102", Reason.BLOCKED), Map.entry("103", Reason.BLOCKED),
            Map.entry("104", Reason.TOOMANYCONN), Map.entry("305", Reason.SECURITYERROR),
            Map.entry("401", Reason.AUTHFAILURE), Map.entry("402", Reason.SECURITYERROR),
            Map.entry("403", Reason.REJECTED), Map.entry("405", Reason.REJECTED), Map.entry("415", Reason.REJECTED),
            Map.entry("416", Reason.USERUNKNOWN), Map.entry("417", Reason.MAILBOXFULL),
            Map.entry("420", Reason.SUSPEND), Map.entry("421", Reason.REJECTED), Map.entry("426", Reason.SUSPEND),
            Map.entry("505", Reason.SYSTEMERROR), Map.entry("506", Reason.SPAMDETECTED),
            Map.entry("510", Reason.BLOCKED), Map.entry("514", Reason.MESGTOOBIG),
            Map.entry("517", Reason.AUTHFAILURE), Map.entry("630", Reason.POLICYVIOLATION),
            Map.entry("999", Reason.BLOCKED));

    private static final Phrases PHRASES = Phrases.of(row(Reason.AUTHFAILURE, "spf/dns de votre nom de domaine"));

    @Override
    public List<String> hosts() {
        return List.of(".laposte.net", ".orange.fr", ".wanadoo.fr");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        Matcher m = LABEL.matcher(f.diagnostic());
        String last = null;
        while (m.find()) {
            last = m.group(1); // the label closes the message; earlier digits may be an IP or a port
        }
        if (last != null && CODES.containsKey(last)) {
            return Optional.of(CODES.get(last));
        }
        return PHRASES.find(f.lower());
    }
}
