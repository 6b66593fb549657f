package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What DMARC evaluates for one message: the RFC5322.From domain and the SPF and DKIM outcomes. */
public record MessageAuthentication(String fromDomain, List<AuthenticatedIdentifier> identifiers) {
    public MessageAuthentication {
        Objects.requireNonNull(fromDomain);
        identifiers = List.copyOf(identifiers);
    }

    /** A message with an SPF result for its MAIL FROM domain and any number of DKIM signatures. */
    public static MessageAuthentication of(String fromDomain, AuthenticatedIdentifier spf,
                                           AuthenticatedIdentifier... dkim) {
        List<AuthenticatedIdentifier> all = new ArrayList<>();
        all.add(spf);
        all.addAll(List.of(dkim));
        return new MessageAuthentication(fromDomain, all);
    }
}
