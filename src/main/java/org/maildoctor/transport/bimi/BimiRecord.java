package org.maildoctor.transport.bimi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.maildoctor.transport.TagValueRecord;

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
        return TagValueRecord.selectOne(txts, BimiRecord::isCandidate, BimiRecord::parse, Parse.Invalid::new,
                "v=BIMI1", "receivers then ignore BIMI for the domain");
    }

    public static Parse parse(String text) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<URI> l = Optional.empty();
        Optional<URI> a = Optional.empty();
        boolean hasL = false;
        for (TagValueRecord.Field f : TagValueRecord.fields(text, "v=BIMI1", "tag", problems)) {
            String tag = f.name().strip().toLowerCase(Locale.ROOT);
            String value = f.value().strip();
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
