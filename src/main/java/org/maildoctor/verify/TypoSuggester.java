package org.maildoctor.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggests the domain a user probably meant ({@code gmial.com} → {@code gmail.com}): first a fix of
 * the top-level domain ({@code .con}, {@code .cmo} → {@code .com}), then the closest popular domain
 * by Damerau-Levenshtein distance. Conservative on purpose: a correct popular domain never gets a
 * suggestion, short names get none from edit distance (too many real three-letter domains), and a
 * TLD that exists ({@code .co}, {@code .cm}) is only "fixed" when that yields a popular domain.
 */
public final class TypoSuggester {
    /** Strings that are no TLD at all but a slip of the finger on a common one. */
    private static final Map<String, String> IMPOSSIBLE_TLDS = Map.ofEntries(
            Map.entry("con", "com"), Map.entry("cmo", "com"), Map.entry("cpm", "com"), Map.entry("vom", "com"),
            Map.entry("xom", "com"), Map.entry("comm", "com"), Map.entry("ocm", "com"), Map.entry("coom", "com"),
            Map.entry("cim", "com"), Map.entry("copm", "com"), Map.entry("clm", "com"), Map.entry("cok", "com"),
            Map.entry("nte", "net"), Map.entry("ner", "net"), Map.entry("nett", "net"), Map.entry("ent", "net"),
            Map.entry("ogr", "org"), Map.entry("rog", "org"), Map.entry("prg", "org"), Map.entry("orh", "org"));
    /** Real TLDs that are also common slips; fixed only towards a popular domain. */
    private static final Map<String, String> PLAUSIBLE_TLDS = Map.of(
            "co", "com", "cm", "com", "om", "com", "ne", "net", "et", "net", "nt", "net", "or", "org");

    private final List<String> popular;
    private final Set<String> popularSet;

    public TypoSuggester(List<String> popularDomains) {
        this.popular = List.copyOf(popularDomains);
        this.popularSet = Set.copyOf(popularDomains);
    }

    public static TypoSuggester standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final TypoSuggester STANDARD = new TypoSuggester(AddressLists.readLines("data/popular-domains.txt"));
    }

    /** The suggested domain, or empty when {@code domain} looks right (or nothing is close). */
    public Optional<String> suggestDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (popularSet.contains(d)) {
            return Optional.empty();
        }
        int dot = d.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String name = d.substring(0, dot);
        String tld = d.substring(dot + 1);
        String fixedTld = IMPOSSIBLE_TLDS.get(tld);
        String candidate = fixedTld != null ? name + "." + fixedTld : d;
        if (PLAUSIBLE_TLDS.containsKey(tld) && popularSet.contains(name + "." + PLAUSIBLE_TLDS.get(tld))) {
            return Optional.of(name + "." + PLAUSIBLE_TLDS.get(tld));
        }
        if (popularSet.contains(candidate)) {
            return Optional.of(candidate);
        }
        Optional<String> close = closest(candidate);
        if (close.isPresent()) {
            return close;
        }
        return fixedTld != null ? Optional.of(candidate) : Optional.empty();
    }

    /** The whole address with the suggested domain, keeping the local part as typed. */
    public Optional<String> suggestAddress(AddressSyntax.Parsed address) {
        return suggestDomain(address.domain()).map(d -> address.localPart() + "@" + d);
    }

    private Optional<String> closest(String domain) {
        String label = firstLabel(domain);
        if (label.length() < 4) {
            return Optional.empty();
        }
        int allowed = label.length() >= 6 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String p : popular) {
            if (Math.abs(p.length() - domain.length()) > allowed) {
                continue;
            }
            int dist = distance(domain, p, allowed);
            if (dist < bestDistance) {
                best = p;
                bestDistance = dist;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String firstLabel(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /**
     * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, the most
     * common typing slip); stops early once every cell exceeds {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return rowMin;
            }
        }
        return d[n][m];
    }
}
