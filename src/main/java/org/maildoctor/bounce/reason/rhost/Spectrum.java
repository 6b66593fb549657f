package org.maildoctor.bounce.reason.rhost;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.smtp.Reason;

/**
 * Spectrum / Charter (https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes):
 * "AUP#I-1310" (incoming) or "AUP#O-1310" (outgoing), the four digits naming the cause by range.
 */
final class Spectrum implements RemoteHost {

    private record Range(int from, int to, Reason reason) {
    }

    private static final Pattern LABEL = Pattern.compile("AUP#\\D*(\\d{4})");
    private static final List<Range> RANGES = List.of(
            new Range(1000, 1000, Reason.BLOCKED), new Range(1010, 1010, Reason.REJECTED),
            new Range(1020, 1080, Reason.REJECTED), new Range(1090, 1090, Reason.SYSTEMERROR),
            new Range(1100, 1150, Reason.REQUIREPTR), new Range(1160, 1190, Reason.POLICYVIOLATION),
            new Range(1200, 1210, Reason.BLOCKED), new Range(1220, 1250, Reason.BLOCKED),
            new Range(1260, 1260, Reason.NETWORKERROR), new Range(1300, 1340, Reason.TOOMANYCONN),
            new Range(1350, 1490, Reason.SPEEDING), new Range(1500, 1500, Reason.REJECTED),
            new Range(1520, 1520, Reason.REJECTED), new Range(1530, 1530, Reason.MESGTOOBIG),
            new Range(1540, 1540, Reason.SPEEDING), new Range(1550, 1550, Reason.SPEEDING),
            new Range(1560, 1560, Reason.POLICYVIOLATION), new Range(1580, 1580, Reason.SPEEDING));

    @Override
    public List<String> hosts() {
        return List.of("charter.net");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        Matcher m = LABEL.matcher(f.diagnostic());
        if (!m.find()) {
            return Optional.empty();
        }
        int code = Integer.parseInt(m.group(1));
        return RANGES.stream().filter(r -> code >= r.from() && code <= r.to()).map(Range::reason).findFirst();
    }
}
