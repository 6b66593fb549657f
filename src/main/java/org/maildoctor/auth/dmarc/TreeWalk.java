package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.maildoctor.dns.DnsResult;

/**
 * The lookups of one RFC 9989 §4.10 DNS Tree Walk, starting at {@code startDomain}, and the
 * organizational domain they select (§4.10.2). Pure value; {@link DmarcDiscovery} performs the lookups.
 */
public record TreeWalk(String startDomain, List<WalkStep> steps) {

    /** RFC 9989 §4.10: names of eight or more labels are shortened to seven, so a walk needs at most 8 queries. */
    public static final int MAX_QUERIES = 8;
    private static final int SHORTEN_TO = 7;

    public TreeWalk {
        Objects.requireNonNull(startDomain);
        steps = List.copyOf(steps);
    }

    /**
     * The domains a full walk queries, in order (RFC 9989 §4.10 steps 3, 4 and 7): the start, then, if it
     * has 8 or more labels, its last 7 labels, then one label fewer each time down to the TLD.
     * {@code a.b.c.d.e.f.g.h.i.j.mail.example.com} gives 8 names ending in {@code example.com}, {@code com}.
     */
    public static List<String> names(String startDomain) {
        List<String> out = new ArrayList<>();
        String[] labels = startDomain.split("\\.");
        out.add(startDomain);
        int x = labels.length;
        int next = x >= 8 ? SHORTEN_TO : x - 1;
        for (int n = next; n >= 1; n--) {
            out.add(String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - n, labels.length)));
        }
        return out;
    }

    /** The lookups that got no answer. */
    public List<DnsResult> failures() {
        return steps.stream().filter(WalkStep.Failed.class::isInstance).map(s -> ((WalkStep.Failed) s).failure())
                .toList();
    }

    /** The steps that found a usable record, from the longest name to the shortest. */
    public List<WalkStep.RecordFound> recordsFound() {
        return steps.stream().filter(WalkStep.RecordFound.class::isInstance).map(WalkStep.RecordFound.class::cast)
                .toList();
    }

    /** The Organizational Domain of {@link #startDomain()} by RFC 9989 §4.10.2. */
    public OrganizationalDomain organizationalDomain() {
        String domain = startDomain;
        OrganizationalDomain.Rule rule = OrganizationalDomain.Rule.START_DOMAIN;
        boolean decided = false;
        for (WalkStep.RecordFound f : recordsFound()) {
            if (f.record().psd() == PsdFlag.NO) {
                domain = f.domain();
                rule = OrganizationalDomain.Rule.PSD_NO;
                decided = true;
                break;
            }
            if (f.record().psd() == PsdFlag.YES && !f.domain().equals(startDomain)) {
                domain = oneLabelBelow(f.domain());
                rule = OrganizationalDomain.Rule.BELOW_PUBLIC_SUFFIX;
                decided = true;
                break;
            }
        }
        if (!decided && !recordsFound().isEmpty()) {
            domain = recordsFound().getLast().domain(); // steps run from long to short: the last has fewest labels
            rule = OrganizationalDomain.Rule.FEWEST_LABELS;
        }
        List<DnsResult> failures = failures();
        // Any failed lookup could have hidden a psd=n/psd=y or a higher record, so the answer is only a guess.
        return failures.isEmpty() ? new OrganizationalDomain.Determined(domain, rule)
                : new OrganizationalDomain.Indeterminate(domain, rule, failures);
    }

    private String oneLabelBelow(String psd) {
        String[] start = startDomain.split("\\.");
        int psdLabels = psd.split("\\.").length;
        return String.join(".", java.util.Arrays.copyOfRange(start, start.length - psdLabels - 1, start.length));
    }

    /** The step that stopped the walk early ({@code psd=y} or {@code psd=n}, RFC 9989 §4.10 steps 2 and 6). */
    static boolean stops(WalkStep step) {
        return step instanceof WalkStep.RecordFound f && f.record().psd().stopsTreeWalk();
    }
}
