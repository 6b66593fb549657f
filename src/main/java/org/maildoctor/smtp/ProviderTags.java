package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds provider-specific markers in reply text and in the host names around it. */
final class ProviderTags {

    /**
     * {@code anyOf}: literals of which the text must contain at least one for the pattern to match
     * (checked first, for all rules in one pass each over the text ({@link LiteralIndex}), which is far
     * cheaper than trying the regex at every position; a necessary condition, so results are
     * unchanged). Found in any US-ASCII case when the pattern is case-insensitive.
     */
    private record Rule(Provider provider, Pattern pattern, List<String> anyOf, boolean hostName) {
        Rule(Provider provider, Pattern pattern, String... anyOf) {
            this(provider, pattern, List.of(anyOf), false);
        }

        /**
         * A host-name rule {@code \\b([a-z0-9.-]+\\.(?:...))\\b}, case-insensitive, whose every match
         * holds one of {@code anyOf} after a run of host-name characters that starts the match.
         */
        static Rule hostName(Provider provider, String regex, String... anyOf) {
            return new Rule(provider, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), List.of(anyOf), true);
        }

        boolean caseInsensitive() {
            return (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
        }
    }

    /** Group 1 of each pattern is the tag value. Order: codes before host names, so codes come first. */
    private static final List<Rule> RULES = List.of(
            // Yahoo/AOL: "[TSS04]", "[PH01]", "[BL21]"; older "VS1-IP" style codes (help.yahoo.com SLN3444).
            new Rule(Provider.YAHOO, Pattern.compile("\\[(TSS\\d{2}|TS\\d{2}|PH\\d{2}|IPTS\\d{2}|BL\\d{2}|GL\\d{2})]"),
                    "[TS", "[PH", "[IPTS", "[BL", "[GL"),
            new Rule(Provider.YAHOO, Pattern.compile("\\b(VS\\d{1,2}-(?:IP|MF|RS|DNS)\\d?)\\b"), "VS"),
            // Microsoft Exchange / Exchange Online component codes, e.g. RESOLVER.ADR.RecipientNotFound.
            new Rule(Provider.MICROSOFT, Pattern.compile(
                    "\\b((?:RESOLVER|ROUTING|STOREDRV|QUEUE|SMTPSEND|SMTPSUBMIT|CAT|DELIVERY)(?:\\.[A-Za-z0-9]+){1,3})\\b"),
                    "RESOLVER.", "ROUTING.", "STOREDRV.", "QUEUE.", "SMTPSEND.", "SMTPSUBMIT.", "CAT.", "DELIVERY."),
            // Outlook.com consumer codes: "(S3150)", "(AS780090)", "(S2017062302)", "SC-001".
            new Rule(Provider.MICROSOFT, Pattern.compile("\\((A?S\\d{3,12})\\)"), "(S", "(AS"),
            new Rule(Provider.MICROSOFT, Pattern.compile("\\b((?:SC|DY|OU|RP|CS|HE)-\\d{3})\\b"),
                    "SC-", "DY-", "OU-", "RP-", "CS-", "HE-"),
            // Gmail: the support link names the case (?p=NoSuchUser); every Gmail reply ends in "gsmtp".
            new Rule(Provider.GMAIL, Pattern.compile("support\\.google\\.com/mail/\\?p=([A-Za-z]+)"), "support.google.com/mail/?p="),
            new Rule(Provider.GMAIL, Pattern.compile("\\b(gsmtp)\\b"), "gsmtp"),
            // Host names quoted in "host ... said:" junk or in the reply itself.
            Rule.hostName(Provider.GMAIL, "\\b([a-z0-9.-]+\\.(?:google|googlemail)\\.com)\\b", ".google.com", ".googlemail.com"),
            Rule.hostName(Provider.MICROSOFT, "\\b([a-z0-9.-]+\\.(?:protection\\.outlook\\.com|outlook\\.com|hotmail\\.com))\\b",
                    ".outlook.com", ".hotmail.com"),
            Rule.hostName(Provider.YAHOO, "\\b([a-z0-9.-]+\\.(?:yahoodns\\.net|yahoo\\.com|aol\\.com))\\b",
                    ".yahoodns.net", ".yahoo.com", ".aol.com"));

    /** {@link Rule#mayMatch} of every rule at once: the case-sensitive rules' literals, and the others'. */
    private static final LiteralIndex EXACT = new LiteralIndex(
            RULES.stream().map(r -> r.caseInsensitive() ? null : r.anyOf()).toList(), false);
    private static final LiteralIndex FOLDED = new LiteralIndex(
            RULES.stream().map(r -> r.caseInsensitive() ? r.anyOf() : null).toList(), true);

    private ProviderTags() {
    }

    static List<ProviderTag> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<ProviderTag> found = new LinkedHashSet<>();
        // the rules' literals, found in one pass over the text by two automata (case-sensitive rules,
        // and the case-insensitive ones in any case) instead of lowering it and trying every literal
        long possible = EXACT.possibleEither(FOLDED, text);
        String lower = null;
        for (int i = 0; i < RULES.size(); i++) {
            if ((possible >>> i & 1) == 0) {
                continue;
            }
            Rule rule = RULES.get(i);
            Matcher m = rule.pattern().matcher(text);
            if (rule.hostName()) {
                lower = lower == null ? Ascii.lower(text) : lower;
                hostNames(rule, m, text, lower, found);
                continue;
            }
            while (m.find()) {
                found.add(new ProviderTag(rule.provider(), m.group(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * {@code while (m.find())} for a {@link Rule#hostName} rule, but starting each search where a match
     * can start: the greedy {@code [a-z0-9.-]+} runs to the end of every word and backs off letter by
     * letter, at every word of the text, which made these rules most of the cost of reading tags.
     * A match starting at p holds a literal of {@code anyOf} at some q > p with only host-name
     * characters between; so no match starts before the host-name run that ends at the first
     * literal after the search position. The search resumes there, seeing the text before it
     * (transparent bounds) as find would. ProviderTagsTest compares this with the plain loop.
     */
    private static void hostNames(Rule rule, Matcher m, String text, String lower, Set<ProviderTag> found) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (from < text.length()) {
            int k = Integer.MAX_VALUE;
            for (String literal : rule.anyOf()) {
                int at = lower.indexOf(literal, from + 1);
                if (at >= 0 && at < k) {
                    k = at;
                }
            }
            if (k == Integer.MAX_VALUE) {
                return;
            }
            int start = k;
            while (start > from && hostChar(text.charAt(start - 1))) {
                start--;
            }
            m.region(start, text.length());
            if (!m.find()) {
                return;
            }
            found.add(new ProviderTag(rule.provider(), m.group(1)));
            from = m.end();
        }
    }

    /** {@code [a-z0-9.-]} under CASE_INSENSITIVE, which folds US-ASCII only. */
    private static boolean hostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    /** The plain loop that {@link #hostNames} shortens, for tests. */
    static List<ProviderTag> findPlain(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<ProviderTag> found = new LinkedHashSet<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                found.add(new ProviderTag(rule.provider(), m.group(1)));
            }
        }
        return new ArrayList<>(found);
    }
}
