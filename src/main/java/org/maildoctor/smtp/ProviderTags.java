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
     * (checked first with indexOf, which is far cheaper than trying the regex at every position;
     * a necessary condition, so results are unchanged). Compared with the text lower-cased when the
     * pattern is case-insensitive.
     */
    private record Rule(Provider provider, Pattern pattern, List<String> anyOf) {
        Rule(Provider provider, Pattern pattern, String... anyOf) {
            this(provider, pattern, List.of(anyOf));
        }

        boolean mayMatch(String text, String lower) {
            String t = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 ? lower : text;
            for (String literal : anyOf) {
                if (t.contains(literal)) {
                    return true;
                }
            }
            return anyOf.isEmpty();
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
            new Rule(Provider.GMAIL, Pattern.compile("\\b([a-z0-9.-]+\\.(?:google|googlemail)\\.com)\\b", Pattern.CASE_INSENSITIVE),
                    ".google.com", ".googlemail.com"),
            new Rule(Provider.MICROSOFT, Pattern.compile(
                    "\\b([a-z0-9.-]+\\.(?:protection\\.outlook\\.com|outlook\\.com|hotmail\\.com))\\b", Pattern.CASE_INSENSITIVE),
                    ".outlook.com", ".hotmail.com"),
            new Rule(Provider.YAHOO, Pattern.compile("\\b([a-z0-9.-]+\\.(?:yahoodns\\.net|yahoo\\.com|aol\\.com))\\b", Pattern.CASE_INSENSITIVE),
                    ".yahoodns.net", ".yahoo.com", ".aol.com"));

    private ProviderTags() {
    }

    static List<ProviderTag> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<ProviderTag> found = new LinkedHashSet<>();
        String lower = Ascii.lower(text);
        for (Rule rule : RULES) {
            if (!rule.mayMatch(text, lower)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                found.add(new ProviderTag(rule.provider(), m.group(1)));
            }
        }
        return new ArrayList<>(found);
    }
}
