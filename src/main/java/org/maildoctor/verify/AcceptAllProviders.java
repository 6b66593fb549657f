package org.maildoctor.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Mail providers whose RCPT TO answer proves nothing because they accept every recipient during the
 * SMTP dialogue and bounce later (table in {@code data/accept-all-providers.txt}, documented in
 * docs/cli-verify.md). An acceptance there is "unknown (accept-all provider)", never "deliverable";
 * a rejection is still conclusive.
 */
public final class AcceptAllProviders {
    private final List<String> mxSuffixes;

    public AcceptAllProviders(List<String> mxSuffixes) {
        this.mxSuffixes = mxSuffixes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public static AcceptAllProviders standard() {
        return new AcceptAllProviders(AddressLists.readLines("data/accept-all-providers.txt").stream()
                .map(l -> l.split("\\s+")[0]).toList());
    }

    /** The table entry matching this MX host name, if any. */
    public Optional<String> match(String mxHost) {
        String h = mxHost.toLowerCase(Locale.ROOT);
        return mxSuffixes.stream().filter(s -> h.equals(s) || h.endsWith("." + s)).findFirst();
    }
}
