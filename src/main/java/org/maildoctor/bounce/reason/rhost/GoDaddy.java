package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.smtp.Reason;

/** GoDaddy (https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685): "IBnnn" codes. */
final class GoDaddy implements RemoteHost {

    private static final Pattern LABEL = Pattern.compile("\\b(IB\\d{3})\\b");
    private static final Map<String, Reason> CODES = Map.ofEntries(
            Map.entry("IB401", Reason.SECURITYERROR), Map.entry("IB501", Reason.NOTCOMPLIANTRFC),
            Map.entry("IB502", Reason.NOTCOMPLIANTRFC), Map.entry("IB506", Reason.REJECTED),
            Map.entry("IB508", Reason.AUTHFAILURE), Map.entry("IB108", Reason.REQUIREPTR),
            Map.entry("IB212", Reason.SPAMDETECTED), Map.entry("IB705", Reason.VIRUSDETECTED),
            Map.entry("IB605", Reason.TOOMANYCONN), Map.entry("IB007", Reason.TOOMANYCONN),
            Map.entry("IB101", Reason.SPEEDING), Map.entry("IB110", Reason.BLOCKED), Map.entry("IB111", Reason.BLOCKED),
            Map.entry("IB112", Reason.BLOCKED), Map.entry("IB113", Reason.BLOCKED), Map.entry("IB504", Reason.SPEEDING),
            Map.entry("IB510", Reason.SPEEDING), Map.entry("IB607", Reason.SPEEDING),
            Map.entry("IB103", Reason.BADREPUTATION), Map.entry("IB104", Reason.BLOCKED),
            Map.entry("IB105", Reason.BLOCKED), Map.entry("IB106", Reason.BLOCKED));

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.BLOCKED, "rbl reject", "www.spamhaus.org/query/bl?ip="),
            row(Reason.EXPIRED, "has been in the queue too long", "delivery timeout"),
            row(Reason.MAILBOXFULL, "account storage limit"),
            row(Reason.SPAMDETECTED, "message rejected for spam or virus content"),
            row(Reason.SUSPEND, "account disabled"),
            row(Reason.SYSTEMERROR, "message is looping"),
            row(Reason.USERUNKNOWN, "recipient not found", "account does not exist"));

    @Override
    public List<String> hosts() {
        return List.of("smtp.secureserver.net", "mailstore1.secureserver.net");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        Matcher m = LABEL.matcher(f.diagnostic());
        if (m.find() && CODES.containsKey(m.group(1))) {
            return Optional.of(CODES.get(m.group(1)));
        }
        return PHRASES.find(f.lower());
    }
}
