package org.maildoctor.bounce.reason;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maildoctor.smtp.Reason;

/**
 * Wording that means something particular inside a bounce, checked before the general reply
 * classifier. A bounce reports what the sending MTA concluded after its retries, so "connection
 * timed out" in a bounce means the message expired in the queue (the peer decoder's reading), while
 * in a live SMTP reply it would be a network error.
 */
final class BounceWording {

    private record Rule(Reason reason, Pattern pattern) {
        static Rule of(Reason reason, String regex) {
            return new Rule(reason, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of(Reason.EXPIRED, "connection timed out|did not accept our requests to connect|in the queue too long"
                    + "|retry timeout exceeded|retry time not reached for any host|giving up on|delivery (?:time|period) (?:has )?expired"
                    + "|could not be delivered for (?:too long|\\d+ days)|message (?:has )?expired|no answer from host"
                    + "|unable to deliver (?:the )?message (?:after|within)|have not been able to deliver|operation timed out"
                    + "|message delayed|delivery attempts will continue|will keep trying|retry period|could not deliver for the last"
                    + "|message will be retried|all hosts have been failing"),
            // a local delivery to a program (Exim "pipe to |/usr/bin/...") that failed
            Rule.of(Reason.MAILERERROR, "(?:^|\\s)\\|/\\S+|pipe to \\|"),
            Rule.of(Reason.TOOMANYCONN, "too many recipients|frequency limited"),
            Rule.of(Reason.BLOCKED, "not accepting connections"),
            Rule.of(Reason.USERUNKNOWN, "address couldn't be found|address could not be found"));

    private BounceWording() {
    }

    static Optional<Reason> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Rule r : RULES) {
            if (r.pattern().matcher(text).find()) {
                return Optional.of(r.reason());
            }
        }
        return Optional.empty();
    }
}
