package org.maildoctor.generate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.maildoctor.auth.dmarc.AlignmentMode;
import org.maildoctor.auth.dmarc.FailureOption;
import org.maildoctor.auth.dmarc.Policy;

/**
 * What a domain owner chose for its DMARC record.
 *
 * @param rua  aggregate report addresses ({@code reports@example.org} or {@code mailto:…})
 * @param ruf  failure report addresses
 * @param pct  RFC 7489's percentage (deprecated by RFC 9989, still honoured by many receivers)
 * @param fo   failure reporting options; empty means the default {@code 0}
 */
public record DmarcChoices(String domain, Policy policy, Optional<Policy> subdomainPolicy,
                           Optional<Policy> nonExistentPolicy, OptionalInt pct, List<String> rua, List<String> ruf,
                           AlignmentMode adkim, AlignmentMode aspf, Set<FailureOption> fo) {
    public DmarcChoices {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(subdomainPolicy);
        Objects.requireNonNull(nonExistentPolicy);
        Objects.requireNonNull(pct);
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
        Objects.requireNonNull(adkim);
        Objects.requireNonNull(aspf);
        fo = Set.copyOf(fo);
    }

    public DmarcChoices withPolicy(Policy p, OptionalInt percent) {
        return new DmarcChoices(domain, p, subdomainPolicy, nonExistentPolicy, percent, rua, ruf, adkim, aspf, fo);
    }
}
