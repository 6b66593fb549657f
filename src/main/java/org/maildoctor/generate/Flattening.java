package org.maildoctor.generate;

import java.util.List;

/**
 * A proposal to get under RFC 7208's 10 lookups by replacing includes with the ip4/ip6 ranges they
 * currently resolve to.
 *
 * @param flattened     the include domains replaced, most expensive first
 * @param ranges        the ip4:/ip6: terms that replace them
 * @param record        the record with those includes replaced
 * @param lookupsAfter  lookups of {@code record}, counted by the same walk
 * @param notFlattened  includes that cannot be flattened, each with why (macros, exists, ptr, DNS failure …)
 * @param caveat        why a flattened record needs maintenance
 */
public record Flattening(List<String> flattened, List<String> ranges, TxtRecord record, int lookupsAfter,
                         List<String> notFlattened, String caveat) {
    public static final String CAVEAT = "Flattened ranges go stale: providers change their sending addresses "
            + "without notice, and mail from a new address then fails SPF. Re-run the generator regularly "
            + "(or automate it), or prefer removing unused includes or moving a service to a subdomain of its own.";

    public Flattening {
        flattened = List.copyOf(flattened);
        ranges = List.copyOf(ranges);
        notFlattened = List.copyOf(notFlattened);
    }

    public boolean withinLimit() {
        return lookupsAfter <= 10;
    }
}
