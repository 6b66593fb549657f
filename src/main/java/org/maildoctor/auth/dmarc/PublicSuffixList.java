package org.maildoctor.auth.dmarc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Public Suffix List and its matching algorithm (https://publicsuffix.org/list/, "Formal
 * algorithm"), for RFC 7489 §3.2's organizational domain: the registrable domain, i.e. the public
 * suffix plus one label.
 *
 * <p>Rules, wildcards ({@code *.ck}) and exceptions ({@code !www.ck}) are honoured, and so is the
 * implicit {@code *} rule: an unlisted TLD is itself a public suffix (Guava misses this, see the
 * corpus README). Names are compared as A-labels: Unicode rules and inputs are converted with
 * {@link IDN#toASCII}. Both the ICANN and the private sections are used, as the official test vectors
 * expect. Reads only a classpath resource (the data file is input, not I/O to the outside world).
 */
public final class PublicSuffixList {
    /** The copy shipped with maildoctor (see data/SOURCES.md). */
    public static final String RESOURCE = "/data/public_suffix_list.dat";

    private static volatile PublicSuffixList shipped;

    private final Set<String> rules;
    private final Set<String> wildcardParents; // "*.ck" stored as "ck"
    private final Set<String> exceptions;      // "!www.ck" stored as "www.ck"

    private PublicSuffixList(Set<String> rules, Set<String> wildcardParents, Set<String> exceptions) {
        this.rules = Set.copyOf(rules);
        this.wildcardParents = Set.copyOf(wildcardParents);
        this.exceptions = Set.copyOf(exceptions);
    }

    /** The shipped copy, loaded once. */
    public static PublicSuffixList shipped() {
        PublicSuffixList p = shipped;
        if (p == null) {
            synchronized (PublicSuffixList.class) {
                p = shipped;
                if (p == null) {
                    try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing classpath resource " + RESOURCE);
                        }
                        p = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shipped = p;
                }
            }
        }
        return p;
    }

    /** Builds a list from the lines of a {@code public_suffix_list.dat}. */
    public static PublicSuffixList parse(List<String> lines) {
        Set<String> rules = new HashSet<>();
        Set<String> wild = new HashSet<>();
        Set<String> exc = new HashSet<>();
        for (String raw : lines) {
            // a rule is the first whitespace-delimited word of a non-comment line
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String rule = line.split("\\s", 2)[0];
            if (rule.startsWith("!")) {
                toAscii(rule.substring(1)).ifPresent(exc::add);
            } else if (rule.startsWith("*.")) {
                toAscii(rule.substring(2)).ifPresent(wild::add);
            } else {
                toAscii(rule).ifPresent(rules::add);
            }
        }
        return new PublicSuffixList(rules, wild, exc);
    }

    /** Number of rules of all kinds. */
    public int size() {
        return rules.size() + wildcardParents.size() + exceptions.size();
    }

    /**
     * The public suffix of {@code domain} (A-labels, lower case), by the prevailing rule; empty for input
     * that is not a domain name (empty, leading dot, empty label).
     */
    public Optional<String> publicSuffix(String domain) {
        Optional<String[]> labels = labels(domain);
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        String[] l = labels.get();
        // An exception rule prevails over every other rule; its public suffix drops its leftmost label.
        for (int i = 0; i < l.length; i++) {
            if (exceptions.contains(join(l, i))) {
                return Optional.of(join(l, i + 1));
            }
        }
        // Otherwise the matching rule with the most labels prevails; scanning from the left finds it first.
        for (int i = 0; i < l.length; i++) {
            String suffix = join(l, i);
            if (rules.contains(suffix) || (i + 1 < l.length && wildcardParents.contains(join(l, i + 1)))) {
                return Optional.of(suffix);
            }
        }
        return Optional.of(l[l.length - 1]); // the implicit "*" rule
    }

    /**
     * The registrable domain (public suffix plus one label), which RFC 7489 §3.2 calls the
     * organizational domain; empty when {@code domain} is itself a public suffix or not a domain name.
     */
    public Optional<String> registrableDomain(String domain) {
        Optional<String[]> labels = labels(domain);
        Optional<String> suffix = publicSuffix(domain);
        if (labels.isEmpty() || suffix.isEmpty()) {
            return Optional.empty();
        }
        String[] l = labels.get();
        int suffixLabels = suffix.get().split("\\.").length;
        if (l.length <= suffixLabels) {
            return Optional.empty();
        }
        return Optional.of(join(l, l.length - suffixLabels - 1));
    }

    private static Optional<String[]> labels(String domain) {
        if (domain == null || domain.isEmpty() || domain.startsWith(".")) {
            return Optional.empty();
        }
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        Optional<String> ascii = toAscii(d);
        if (ascii.isEmpty() || ascii.get().isEmpty() || ascii.get().contains("..")) {
            return Optional.empty();
        }
        return Optional.of(ascii.get().split("\\."));
    }

    private static Optional<String> toAscii(String name) {
        try {
            String a = name.chars().allMatch(c -> c < 0x80) ? name : IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            return Optional.of(a.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String join(String[] labels, int from) {
        return String.join(".", java.util.Arrays.copyOfRange(labels, from, labels.length));
    }
}
