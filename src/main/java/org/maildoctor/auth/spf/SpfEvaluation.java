package org.maildoctor.auth.spf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one SPF check.
 *
 * @param result      one of the seven results
 * @param reason      why, in one sentence; for temperror and permerror the cause (never empty)
 * @param identity    which identity was checked
 * @param sender      the sender the macros saw ({@code postmaster@helo} for HELO checks)
 * @param domain      the domain whose record was evaluated first
 * @param mechanism   the directive that decided, as published ({@code -all}, {@code include:x}); empty
 *                    when none matched (neutral default), or on none/errors
 * @param matchedIn   the domain whose record held {@code mechanism}
 * @param explanation for fail: the expanded {@code exp=} text, else the configured default
 * @param lookups     DNS-querying terms evaluated (RFC 7208 4.6.4 limit: 10)
 * @param voidLookups lookups that returned NXDOMAIN or no records (limit: 2)
 * @param queries     every DNS question asked, in order
 */
public record SpfEvaluation(SpfResult result, String reason, SpfIdentity identity, String sender, String domain,
                            Optional<String> mechanism, Optional<String> matchedIn, Optional<String> explanation,
                            int lookups, int voidLookups, List<SpfQuery> queries) {
    public SpfEvaluation {
        Objects.requireNonNull(result);
        Objects.requireNonNull(reason);
        queries = List.copyOf(queries);
    }
}
