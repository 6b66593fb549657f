package org.maildoctor.auth.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.maildoctor.auth.dkim.HeaderField;
import org.maildoctor.auth.dkim.TagList;

/**
 * RFC 8617 5.2 steps 1-3, pure: the ARC sets of a message by instance, the 50-set limit, the newest
 * seal's {@code cv=fail}, one field of each kind per instance without gaps, and the cv= sequence.
 */
public final class ArcChainReader {
    /** RFC 8617 4.2.1: at most 50 ARC sets. */
    public static final int MAX_INSTANCES = 50;
    static final String AAR = "arc-authentication-results";
    static final String AMS = "arc-message-signature";
    static final String AS = "arc-seal";

    private ArcChainReader() {
    }

    /** What the structure says. */
    public sealed interface ChainRead {
        /** No ARC header field at all: the status is {@code none}. */
        record NoChain() implements ChainRead {
        }

        /** Steps 1-3 fail; {@code instance} is where (0 when no instance could be named). */
        record Broken(ArcFailure reason, int instance, int instances, String why) implements ChainRead {
        }

        /** Sets 1..N in increasing order, each complete, seals parsed, cv= in sequence. */
        record Chain(List<ArcSet> sets) implements ChainRead {
            public Chain {
                sets = List.copyOf(sets);
            }
        }
    }

    /** Never throws. {@code headers} top to bottom as {@code RawMessage.parse} split them. */
    public static ChainRead read(List<HeaderField> headers) {
        // [instance][kind] with kind 0 = AAR, 1 = AMS, 2 = AS; instances above the limit are only counted
        HeaderField[][] byInstance = new HeaderField[MAX_INSTANCES + 1][3];
        int highest = 0;
        boolean any = false;
        for (HeaderField f : headers) {
            String key = f.key();
            int kind = key.equals(AAR) ? 0 : key.equals(AMS) ? 1 : key.equals(AS) ? 2 : -1;
            if (kind < 0) {
                continue;
            }
            any = true;
            Optional<String> raw = kind == 0 ? aarInstance(f.value()) : tagInstance(f.value());
            if (raw.isEmpty() || raw.get().isEmpty() || raw.get().length() > 9
                    || !raw.get().chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new ChainRead.Broken(ArcFailure.MALFORMED_INSTANCE, 0, 0, f.name().strip()
                        + " has no valid instance tag i= (RFC 8617 4.2.1)");
            }
            int i = Integer.parseInt(raw.get());
            if (i < 1) {
                return new ChainRead.Broken(ArcFailure.MALFORMED_INSTANCE, 0, 0, f.name().strip()
                        + " has i=0; instances start at 1 (RFC 8617 4.2.1)");
            }
            if (i > MAX_INSTANCES) {
                return new ChainRead.Broken(ArcFailure.TOO_MANY_SETS, i, i, "instance i=" + i + " is above the "
                        + "limit of " + MAX_INSTANCES + " ARC sets (RFC 8617 4.2.1, 5.2 step 1)");
            }
            highest = Math.max(highest, i);
            if (byInstance[i][kind] != null) {
                return new ChainRead.Broken(ArcFailure.DUPLICATE_FIELD, i, highest, "instance i=" + i + " has two "
                        + f.name().strip() + " fields (RFC 8617 5.2 step 3)");
            }
            byInstance[i][kind] = f;
        }
        if (!any) {
            return new ChainRead.NoChain();
        }
        int n = highest;
        // step 2 comes before the structure: a newest seal saying cv=fail ends the evaluation
        HeaderField newestSeal = byInstance[n][2];
        if (newestSeal != null && ArcSeal.parse(newestSeal, n) instanceof ArcSeal.Parse.Valid v
                && v.seal().cv() == ChainStatus.FAIL) {
            return new ChainRead.Broken(ArcFailure.SEALED_AS_FAILED, n, n, "the newest ARC-Seal (i=" + n
                    + ") says cv=fail: a forwarder found the chain already broken (RFC 8617 5.2 step 2)");
        }
        List<ArcSet> sets = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            HeaderField[] set = byInstance[i];
            if (set[0] == null || set[1] == null || set[2] == null) {
                return new ChainRead.Broken(ArcFailure.INCOMPLETE_SET, i, n, "instance i=" + i + " of " + n
                        + " lacks " + missing(set) + " (RFC 8617 5.2 step 3: sets 1.." + n + ", each complete)");
            }
            ArcSeal seal;
            switch (ArcSeal.parse(set[2], i)) {
                case ArcSeal.Parse.Invalid bad -> {
                    return new ChainRead.Broken(ArcFailure.SEAL_SYNTAX, i, n, bad.why());
                }
                case ArcSeal.Parse.Valid v -> seal = v.seal();
            }
            ChainStatus expected = i == 1 ? ChainStatus.NONE : ChainStatus.PASS;
            if (seal.cv() != expected) {
                return new ChainRead.Broken(ArcFailure.INVALID_CV, i, n, "the ARC-Seal i=" + i + " says cv="
                        + seal.cv().code() + "; RFC 8617 5.2 step 3 requires cv=" + expected.code()
                        + (i == 1 ? " on the first set" : " on every set after the first"));
            }
            sets.add(new ArcSet(i, set[0], set[1], seal));
        }
        return new ChainRead.Chain(sets);
    }

    private static String missing(HeaderField[] set) {
        List<String> names = new ArrayList<>();
        if (set[0] == null) {
            names.add("ARC-Authentication-Results");
        }
        if (set[1] == null) {
            names.add("ARC-Message-Signature");
        }
        if (set[2] == null) {
            names.add("ARC-Seal");
        }
        return String.join(", ", names);
    }

    /** ARC-Authentication-Results: {@code i=} comes first, before the authserv-id (RFC 8617 4.1.1). */
    private static Optional<String> aarInstance(String value) {
        int semi = value.indexOf(';');
        String first = TagList.removeFws(semi < 0 ? value : value.substring(0, semi));
        return first.startsWith("i=") ? Optional.of(first.substring(2)) : Optional.empty();
    }

    private static Optional<String> tagInstance(String value) {
        return TagList.parse(value) instanceof TagList.Parsed p ? p.get("i").map(TagList::removeFws)
                : Optional.empty();
    }
}
