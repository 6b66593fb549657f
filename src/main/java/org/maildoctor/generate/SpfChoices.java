package org.maildoctor.generate;

import java.util.List;
import java.util.Objects;
import org.maildoctor.auth.spf.Qualifier;

/**
 * What a sender chose for its SPF record.
 *
 * @param providers sending services from the catalogue
 * @param includes  further domains to include, e.g. another service's SPF domain
 * @param ip4       addresses or CIDR ranges, e.g. {@code 203.0.113.9} or {@code 203.0.113.0/24}
 * @param ip6       likewise for IPv6
 * @param a         authorise the domain's own A/AAAA addresses
 * @param mx        authorise the domain's MX hosts
 * @param all       the qualifier of the final {@code all}: {@code -} (fail) or {@code ~} (softfail) in practice
 */
public record SpfChoices(String domain, List<SpfProvider> providers, List<String> includes, List<String> ip4,
                         List<String> ip6, boolean a, boolean mx, Qualifier all) {
    public SpfChoices {
        Objects.requireNonNull(domain);
        providers = List.copyOf(providers);
        includes = List.copyOf(includes);
        ip4 = List.copyOf(ip4);
        ip6 = List.copyOf(ip6);
        Objects.requireNonNull(all);
    }
}
