package org.maildoctor.dns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one lookup. Every failure mode is its own case so that no caller can mistake
 * "the server did not answer" for "there is no such record" (both would otherwise look empty).
 *
 * <p>{@code cnameChain} lists the CNAME records followed from the queried name, in order; the
 * records of an {@link Answer} are owned by the last target.
 */
public sealed interface DnsResult {

    /** The name that was asked for, normalised. */
    String name();

    RecordType type();

    /** A one-line human description, e.g. {@code NXDOMAIN: nosuchname.good.test does not exist}. */
    String describe();

    /** Short lower-case outcome keyword used in JSON: answer, nxdomain, nodata, servfail, refused, timeout, unreachable. */
    String outcome();

    /** NXDOMAIN or NODATA: the question was answered, and the answer is "nothing" (RFC 7208 "void lookup"). */
    default boolean isVoid() {
        return this instanceof NxDomain || this instanceof NoData;
    }

    /** The lookup did not get an authoritative statement about the name (servfail/refused/timeout/unreachable). */
    default boolean isFailure() {
        return this instanceof ServFail || this instanceof Refused || this instanceof Timeout
                || this instanceof Unreachable;
    }

    /** The records if this is an {@link Answer}, else an empty list (use only after checking the outcome). */
    default List<DnsRecord> recordsOrEmpty() {
        return this instanceof Answer a ? a.records() : List.of();
    }

    record Answer(String name, RecordType type, List<DnsRecord> records, List<DnsRecord.Cname> cnameChain,
                  boolean authenticData) implements DnsResult {
        public Answer {
            records = List.copyOf(records);
            cnameChain = List.copyOf(cnameChain);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("an Answer has at least one record; use NoData");
            }
        }

        /** The records of this type, in answer order. */
        public <R extends DnsRecord> List<R> records(Class<R> kind) {
            return records.stream().filter(kind::isInstance).map(kind::cast).toList();
        }

        /** The owner of the records: the last CNAME target, or the queried name. */
        public String canonicalName() {
            return cnameChain.isEmpty() ? name : cnameChain.getLast().target();
        }

        @Override
        public String describe() {
            return records.size() + " " + type + " record" + (records.size() == 1 ? "" : "s") + " for " + name
                    + Text.via(cnameChain);
        }

        @Override
        public String outcome() {
            return "answer";
        }
    }

    /** RCODE 3: the name (or the last CNAME target) does not exist. {@code soa} from the authority section. */
    record NxDomain(String name, RecordType type, List<DnsRecord.Cname> cnameChain, Optional<DnsRecord.Soa> soa)
            implements DnsResult {
        public NxDomain {
            cnameChain = List.copyOf(cnameChain);
        }

        @Override
        public String describe() {
            return "NXDOMAIN: " + name + Text.via(cnameChain) + " does not exist";
        }

        @Override
        public String outcome() {
            return "nxdomain";
        }
    }

    /** NOERROR without records of the type (RFC 2308 "NODATA"): the name exists, but has no {@code type}. */
    record NoData(String name, RecordType type, List<DnsRecord.Cname> cnameChain, Optional<DnsRecord.Soa> soa)
            implements DnsResult {
        public NoData {
            cnameChain = List.copyOf(cnameChain);
        }

        @Override
        public String describe() {
            return "NODATA: " + name + Text.via(cnameChain) + " exists but has no " + type + " record";
        }

        @Override
        public String outcome() {
            return "nodata";
        }
    }

    /**
     * The server could not answer: RCODE SERVFAIL, another error RCODE, a malformed response, or a
     * CNAME chain that loops or is too long. {@code detail} says which.
     */
    record ServFail(String name, RecordType type, String server, String detail) implements DnsResult {
        @Override
        public String describe() {
            return "SERVFAIL: " + server + " could not answer " + name + "/" + type + " (" + detail + ")";
        }

        @Override
        public String outcome() {
            return "servfail";
        }
    }

    /** RCODE 5: the server will not answer this question (e.g. a name outside its zones, no recursion). */
    record Refused(String name, RecordType type, String server) implements DnsResult {
        @Override
        public String describe() {
            return "REFUSED: " + server + " refused to answer " + name + "/" + type;
        }

        @Override
        public String outcome() {
            return "refused";
        }
    }

    /** No answer within the lookup's time budget (all retries included). */
    record Timeout(String name, RecordType type, String server, Duration after) implements DnsResult {
        @Override
        public String describe() {
            return "timeout after " + Text.duration(after) + " waiting for " + server + " (" + name + "/" + type + ")";
        }

        @Override
        public String outcome() {
            return "timeout";
        }
    }

    /** The server could not be reached at all (ICMP port unreachable, connection refused, no route). */
    record Unreachable(String name, RecordType type, String server, String reason) implements DnsResult {
        @Override
        public String describe() {
            return "unreachable: " + server + " " + reason + " (" + name + "/" + type + ")";
        }

        @Override
        public String outcome() {
            return "unreachable";
        }
    }
}
