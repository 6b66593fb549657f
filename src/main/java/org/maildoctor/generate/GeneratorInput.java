package org.maildoctor.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.maildoctor.auth.dmarc.AlignmentMode;
import org.maildoctor.auth.dmarc.FailureOption;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.spf.Qualifier;

/**
 * Choices from what a user typed (CLI options, web forms, JSON bodies), one parser for every front
 * end. Blank entries are ignored; anything else that is not a valid choice is an
 * {@link IllegalArgumentException} with a message fit for the user.
 */
public final class GeneratorInput {
    private GeneratorInput() {
    }

    public static SpfChoices spf(String domain, List<String> providers, List<String> includes, List<String> ip4,
                                 List<String> ip6, boolean a, boolean mx, String all) {
        List<SpfProvider> ps = new ArrayList<>();
        for (String p : nonBlank(providers)) {
            ps.add(SpfProvider.parse(p));
        }
        return new SpfChoices(required(domain, "domain"), ps, nonBlank(includes), nonBlank(ip4), nonBlank(ip6), a, mx,
                qualifier(all));
    }

    /** {@code -}/{@code fail}, {@code ~}/{@code softfail}, {@code ?}/{@code neutral}; blank means fail. */
    static Qualifier qualifier(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("all", "");
        return switch (t) {
            case "", "-", "fail" -> Qualifier.FAIL;
            case "~", "softfail" -> Qualifier.SOFTFAIL;
            case "?", "neutral" -> Qualifier.NEUTRAL;
            case "+", "pass" -> Qualifier.PASS; // refused by the generator with the reason
            default -> throw new IllegalArgumentException("the all qualifier must be fail (-), softfail (~) or "
                    + "neutral (?), not '" + text + "'");
        };
    }

    public static DmarcChoices dmarc(String domain, String policy, String sp, String np, String pct,
                                     List<String> rua, List<String> ruf, String adkim, String aspf, List<String> fo) {
        Set<FailureOption> options = EnumSet.noneOf(FailureOption.class);
        for (String f : nonBlank(fo)) {
            for (String one : f.split("[:,\\s]+")) {
                options.add(FailureOption.parse(one).orElseThrow(() -> new IllegalArgumentException(
                        "fo must be 0, 1, d or s, not '" + one + "'")));
            }
        }
        OptionalInt percent = OptionalInt.empty();
        if (pct != null && !pct.isBlank()) {
            try {
                percent = OptionalInt.of(Integer.parseInt(pct.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pct must be a number from 0 to 100, not '" + pct + "'");
            }
        }
        return new DmarcChoices(required(domain, "domain"), policy(policy, "p").orElse(Policy.NONE),
                policy(sp, "sp"), policy(np, "np"), percent, nonBlank(rua), nonBlank(ruf), alignment(adkim, "adkim"),
                alignment(aspf, "aspf"), options);
    }

    public static MtaStsChoices mtaSts(String domain, String mode, List<String> mx, String maxAge, List<String> rua) {
        MtaStsMode m = mode == null || mode.isBlank() ? MtaStsMode.TESTING : MtaStsMode.parse(mode)
                .orElseThrow(() -> new IllegalArgumentException("mode must be enforce, testing or none, not '" + mode + "'"));
        long age = MtaStsChoices.DEFAULT_MAX_AGE;
        if (maxAge != null && !maxAge.isBlank()) {
            try {
                age = Long.parseLong(maxAge.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("max_age must be a number of seconds, not '" + maxAge + "'");
            }
        }
        List<String> hosts = new ArrayList<>();
        nonBlank(mx).forEach(h -> hosts.addAll(List.of(h.strip().split("[\\s,]+"))));
        return new MtaStsChoices(required(domain, "domain"), m, hosts, age, nonBlank(rua));
    }

    private static Optional<Policy> policy(String text, String tag) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Policy.parse(text.strip()).orElseThrow(() -> new IllegalArgumentException(
                tag + " must be none, quarantine or reject, not '" + text + "'")));
    }

    private static AlignmentMode alignment(String text, String tag) {
        if (text == null || text.isBlank()) {
            return AlignmentMode.RELAXED;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "r", "relaxed" -> AlignmentMode.RELAXED;
            case "s", "strict" -> AlignmentMode.STRICT;
            default -> throw new IllegalArgumentException(tag + " must be r (relaxed) or s (strict), not '" + text + "'");
        };
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
        return value.strip();
    }

    /** Entries may be lists themselves ("a, b c"): split on commas and spaces, drop blanks. */
    static List<String> nonBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null) {
                    for (String w : v.strip().split("[\\s,]+")) {
                        if (!w.isEmpty()) {
                            out.add(w);
                        }
                    }
                }
            }
        }
        return out;
    }
}
