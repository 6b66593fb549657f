package org.maildoctor.transport.bimi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The BIMI assertion record at {@code default._bimi.DOMAIN} (draft-brand-indicators-for-message-identification
 * §4.2): {@code v=BIMI1} first, {@code l=} the HTTPS location of the SVG logo, {@code a=} the HTTPS location of
 * the mark certificate (VMC/CMC) in PEM. Both empty is a declination ("this domain has no logo").
 */
public record BimiRecord(String text, Optional<URI> location, Optional<URI> authority) {

    public static boolean isCandidate(String txt) {
        return txt.startsWith("v=BIMI1");
    }

    public boolean declined() {
        return location.isEmpty() && authority.isEmpty();
    }

    public sealed interface Parse {
        record Valid(BimiRecord record) implements Parse {
        }

        record Invalid(String text, String reason) implements Parse {
        }
    }

    /** Picks the record among the TXT strings: exactly one must start with {@code v=BIMI1}. */
    public static Optional<Parse> select(List<String> txts) {
        List<String> candidates = txts.stream().filter(BimiRecord::isCandidate).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            return Optional.of(new Parse.Invalid(String.join(" | ", candidates), candidates.size()
                    + " records start with v=BIMI1; receivers then ignore BIMI for the domain"));
        }
        return Optional.of(parse(candidates.getFirst()));
    }

    public static Parse parse(String text) {
        String[] fields = text.split(";", -1);
        List<String> problems = new ArrayList<>();
        if (!fields[0].strip().equals("v=BIMI1")) {
            problems.add("the version field must be exactly v=BIMI1 followed by ';'");
        }
        Set<String> seen = new HashSet<>();
        Optional<URI> l = Optional.empty();
        Optional<URI> a = Optional.empty();
        boolean hasL = false;
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i].strip();
            if (f.isEmpty()) {
                continue;
            }
            int eq = f.indexOf('=');
            if (eq <= 0) {
                problems.add("field '" + f + "' is not tag=value");
                continue;
            }
            String tag = f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = f.substring(eq + 1).strip();
            if (!seen.add(tag)) {
                problems.add("tag " + tag + " given twice");
                continue;
            }
            switch (tag) {
                case "l" -> {
                    hasL = true;
                    l = https(value, "l", problems);
                }
                case "a" -> a = https(value, "a", problems);
                default -> {
                    // other tags (avp, s, ...) are not needed for these checks and are ignored as the draft asks
                }
            }
        }
        if (!hasL) {
            problems.add("no l= tag (the logo location; 'l=' empty declines BIMI)");
        }
        if (!problems.isEmpty()) {
            return new Parse.Invalid(text, String.join("; ", problems));
        }
        return new Parse.Valid(new BimiRecord(text, l, a));
    }

    private static Optional<URI> https(String value, String tag, List<String> problems) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                problems.add(tag + "= '" + value + "' must be an https:// URL");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(tag + "= '" + value + "' is not a URL");
            return Optional.empty();
        }
    }
}
