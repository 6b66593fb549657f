package org.maildoctor.blocklist;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;

/**
 * What a list's answers mean: pure, table-tested. The A record at the query name decides
 * (RFC 5782 §2.1: an address in 127.0.0.0/8 is a listing, NXDOMAIN is not); the list's error
 * codes, answers outside 127/8 and failed sanity probes make the verdict unknown, never a listing.
 */
public final class Interpretation {
    /** Longest TXT reason kept: lists write a sentence and a URL; anything longer is garbage. */
    static final int MAX_REASON = 400;

    private Interpretation() {
    }

    /** One answer, read against the list's tables (before the sanity probe is taken into account). */
    sealed interface Reading {
        record Listed(List<String> answers, List<ReturnCode> codes) implements Reading {
        }

        record NotListed() implements Reading {
        }

        record Refused(List<String> answers, List<String> why) implements Reading {
        }

        record Garbage(List<String> answers) implements Reading {
        }

        record Failed(UnknownCause cause, String detail) implements Reading {
        }
    }

    static Reading read(Blocklist list, DnsResult result) {
        return switch (result) {
            case DnsResult.NxDomain n -> new Reading.NotListed();
            case DnsResult.NoData n -> new Reading.NotListed();
            case DnsResult.Refused r -> new Reading.Refused(List.of(), List.of(r.describe()));
            case DnsResult.Timeout t -> new Reading.Failed(UnknownCause.TIMEOUT, t.describe());
            case DnsResult.ServFail s -> new Reading.Failed(UnknownCause.DNS_FAILURE, s.describe());
            case DnsResult.Unreachable u -> new Reading.Failed(UnknownCause.DNS_FAILURE, u.describe());
            case DnsResult.Answer a -> readAddresses(list, a.records(DnsRecord.A.class).stream()
                    .map(DnsRecord.A::address).toList());
        };
    }

    private static Reading readAddresses(Blocklist list, List<Inet4Address> addresses) {
        if (addresses.isEmpty()) {
            return new Reading.NotListed(); // only other types at the name (a CNAME chain to nothing)
        }
        List<String> texts = addresses.stream().map(Inet4Address::getHostAddress).toList();
        List<String> refusals = new ArrayList<>();
        for (String t : texts) {
            list.errors().stream().filter(e -> e.code().equals(t)).findFirst()
                    .ifPresentOrElse(e -> refusals.add(t + ": " + e.meaning()), () -> {
                        if (t.startsWith("127.255.255.")) {
                            // Spamhaus reserves 127.255.255.0/24 for errors; no list uses it for listings
                            refusals.add(t + ": undocumented code in the 127.255.255.0/24 error range");
                        }
                    });
        }
        if (!refusals.isEmpty()) {
            return new Reading.Refused(texts, refusals);
        }
        if (addresses.stream().anyMatch(a -> (a.getAddress()[0] & 0xff) != 127)) {
            return new Reading.Garbage(texts);
        }
        List<ReturnCode> codes = new ArrayList<>();
        for (Inet4Address a : addresses) {
            codes.addAll(meanings(list, a));
        }
        return new Reading.Listed(texts, codes.stream().distinct().toList());
    }

    private static List<ReturnCode> meanings(Blocklist list, Inet4Address address) {
        String text = address.getHostAddress();
        if (list.scheme() == CodeScheme.EXACT) {
            return List.of(list.codes().stream().filter(c -> c.code().equals(text)).findFirst()
                    .orElse(new ReturnCode(text, "undocumented return code", Optional.empty())));
        }
        int last = address.getAddress()[3] & 0xff;
        List<ReturnCode> out = new ArrayList<>();
        for (int bit = 1; bit <= 128; bit <<= 1) {
            if ((last & bit) != 0) {
                String b = Integer.toString(bit);
                out.add(list.codes().stream().filter(c -> c.code().equals(b)).findFirst()
                        .orElse(new ReturnCode(b, "undocumented bit " + b + " (answer " + text + ")", Optional.empty())));
            }
        }
        if (out.isEmpty()) {
            out.add(new ReturnCode(text, "undocumented return code (no bit set)", Optional.empty()));
        }
        return out;
    }

    /** RFC 5782 §5: the listed test point must be listed, the clean one must not. */
    public static ProbeStatus probe(Blocklist list, DnsResult listedPoint, DnsResult cleanPoint) {
        Reading clean = read(list, cleanPoint);
        Reading listed = read(list, listedPoint);
        if (clean instanceof Reading.Listed) {
            return ProbeStatus.LISTS_EVERYTHING;
        }
        if (listed instanceof Reading.NotListed) {
            return ProbeStatus.LISTS_NOTHING;
        }
        if (listed instanceof Reading.Listed && clean instanceof Reading.NotListed) {
            return ProbeStatus.HEALTHY;
        }
        return ProbeStatus.INCONCLUSIVE;
    }

    /**
     * The verdict of one list.
     *
     * @param a     the A lookup at the query name
     * @param txt   the TXT lookup at the same name (the list's reason); any outcome
     * @param probe the list's sanity probe
     */
    public static ListResult interpret(Blocklist list, Target target, String queryName, DnsResult a, DnsResult txt,
            ProbeStatus probe) {
        Optional<String> reason = reason(txt);
        String on = " on " + list.name();
        return switch (read(list, a)) {
            case Reading.Refused r -> unknown(list, queryName, UnknownCause.QUERY_REFUSED, r.answers(), reason, probe,
                    "unknown: query refused by " + list.name() + " (" + String.join("; ", r.why()) + ")"
                            + reason.map(x -> "; the list says: " + x).orElse(""));
            case Reading.Failed f -> unknown(list, queryName, f.cause(), List.of(), Optional.empty(), probe,
                    "unknown: " + f.cause().words() + " asking " + list.name() + " (" + f.detail() + ")");
            case Reading.Garbage g -> unknown(list, queryName, UnknownCause.UNEXPECTED_ANSWER, g.answers(),
                    Optional.empty(), probe, "unknown: " + list.name() + " answered " + String.join(", ", g.answers())
                            + ", outside 127.0.0.0/8 (RFC 5782 §2.3): not a listing; the zone may be hijacked or wildcarded");
            case Reading.Listed l when probe == ProbeStatus.LISTS_EVERYTHING -> unknown(list, queryName,
                    UnknownCause.LIST_LISTS_EVERYTHING, l.answers(), reason, probe, "unknown: " + list.name()
                            + " lists its must-not-list test point " + list.probe().clean()
                            + " too, so it lists everything (a closed or broken list); its answer " + String.join(", ", l.answers())
                            + " means nothing");
            case Reading.Listed l -> new ListResult(list, queryName, Verdict.LISTED, Optional.empty(), l.answers(),
                    l.codes(), reason, probe, target.text() + " is listed" + on + ": " + describe(l.codes())
                            + (list.verified() ? "" : " (return codes not verified against the list's documentation)")
                            + reason.map(x -> "; the list says: " + x).orElse(""));
            case Reading.NotListed n when probe == ProbeStatus.LISTS_EVERYTHING -> unknown(list, queryName,
                    UnknownCause.LIST_LISTS_EVERYTHING, List.of(), Optional.empty(), probe, "unknown: " + list.name()
                            + " lists its must-not-list test point " + list.probe().clean() + ": the list is broken");
            case Reading.NotListed n when probe == ProbeStatus.LISTS_NOTHING -> unknown(list, queryName,
                    UnknownCause.LIST_LISTS_NOTHING, List.of(), Optional.empty(), probe, "unknown: " + list.name()
                            + " does not list its test point " + list.probe().listed()
                            + ", so \"not listed\" means nothing (a dead list, or one that refuses us silently)");
            case Reading.NotListed n -> new ListResult(list, queryName, Verdict.NOT_LISTED, Optional.empty(), List.of(),
                    List.of(), Optional.empty(), probe, target.text() + " is not listed" + on);
        };
    }

    private static ListResult unknown(Blocklist list, String queryName, UnknownCause cause, List<String> answers,
            Optional<String> reason, ProbeStatus probe, String explanation) {
        return new ListResult(list, queryName, Verdict.UNKNOWN, Optional.of(cause), answers, List.of(), reason, probe,
                explanation);
    }

    private static String describe(List<ReturnCode> codes) {
        return codes.stream().map(c -> c.meaning() + " [" + c.code() + "]").collect(Collectors.joining("; "));
    }

    /** The TXT text at the query name, control characters removed and capped: it is outside data. */
    static Optional<String> reason(DnsResult txt) {
        if (!(txt instanceof DnsResult.Answer a)) {
            return Optional.empty();
        }
        String joined = a.records(DnsRecord.Txt.class).stream().map(DnsRecord.Txt::text)
                .map(s -> s.replaceAll("\\p{Cntrl}", " ").strip()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" / "));
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(joined.length() > MAX_REASON ? joined.substring(0, MAX_REASON) + "…" : joined);
    }
}
