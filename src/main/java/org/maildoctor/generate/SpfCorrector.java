package org.maildoctor.generate;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.maildoctor.auth.spf.Directive;
import org.maildoctor.auth.spf.Mechanism;
import org.maildoctor.auth.spf.Qualifier;
import org.maildoctor.auth.spf.SpfParseResult;
import org.maildoctor.auth.spf.SpfRecord;
import org.maildoctor.auth.spf.SpfReport;
import org.maildoctor.auth.spf.SpfTree;
import org.maildoctor.dns.Resolver;

/**
 * The SPF record to publish instead of a wrong one, from what {@code spf show} found: a starting
 * record when there is none, several records merged into one, {@code ptr} and duplicate terms
 * removed, a missing, {@code +all} or {@code ?all} ending replaced by {@code -all}, and over 10
 * lookups, includes flattened. Blocking (it may walk include trees): call it off the event loop.
 */
public final class SpfCorrector {
    private final SpfGenerator generator;

    public SpfCorrector(Resolver resolver) {
        this.generator = new SpfGenerator(resolver);
    }

    /** @param ips the sending addresses the user named (put in a starting record) */
    public Optional<Correction> correct(SpfReport report, List<InetAddress> ips) {
        SpfTree root = report.tree();
        String domain = report.domain();
        List<String> changes = new ArrayList<>();
        String text;
        switch (root.status()) {
            case NO_RECORD -> {
                List<String> v4 = new ArrayList<>();
                List<String> v6 = new ArrayList<>();
                ips.forEach(ip -> (ip instanceof Inet4Address ? v4 : v6).add(ip.getHostAddress()));
                try {
                    text = SpfGenerator.build(new SpfChoices(domain, List.of(), List.of(), v4, v6, false, true,
                            Qualifier.FAIL));
                } catch (IllegalArgumentException e) {
                    return Optional.empty(); // the domain itself is not a name: nothing to publish
                }
                changes.add("no SPF record is published: this one authorises the MX hosts" + (ips.isEmpty() ? ""
                        : " and the sending IPs given") + "; add the includes of your sending services "
                        + "('maildoctor generate spf')");
                return Optional.of(new Correction(TxtRecord.of(domain, text), changes, List.of()));
            }
            case MULTIPLE_RECORDS -> {
                text = merge(root.record().orElse("").split(" \\| "));
                changes.add("merged the " + root.record().orElse("").split(" \\| ").length + " SPF records into one "
                        + "(RFC 7208 §4.5: more than one is permerror)");
            }
            case OK -> text = root.record().orElseThrow();
            default -> {
                return Optional.empty(); // syntax errors and DNS failures need a person, not a guess
            }
        }
        String fixed = tidy(text, changes);
        List<String> notes = new ArrayList<>();
        // tidying only removes terms, so a published record within the limit stays within it: no second walk
        boolean mayExceed = root.status() != SpfTree.Status.OK || report.totalLookups() > 10;
        Optional<Flattening> flat = mayExceed ? generator.flatteningOf(domain, fixed) : Optional.empty();
        if (flat.isPresent()) {
            Flattening f = flat.get();
            if (!f.flattened().isEmpty()) {
                fixed = f.record().value();
                changes.add("flattened " + String.join(", ", f.flattened()) + " into " + f.ranges().size()
                        + " ip4/ip6 ranges: " + f.lookupsAfter() + " DNS lookups instead of " + report.totalLookups());
                notes.add(f.caveat());
            }
            if (!f.withinLimit()) {
                notes.add("still over 10 lookups: remove includes of services you no longer use");
            }
            f.notFlattened().forEach(n -> notes.add("not flattened: " + n));
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Correction(TxtRecord.of(domain, fixed), changes, notes));
    }

    /** One record from several: every distinct term once, the first record's ending. */
    static String merge(String[] records) {
        Set<String> terms = new LinkedHashSet<>();
        String ending = null;
        for (String r : records) {
            if (!(SpfRecord.parse(r.strip()) instanceof SpfParseResult.Parsed p)) {
                continue;
            }
            for (Directive d : p.record().directives()) {
                if (d.mechanism() instanceof Mechanism.All) {
                    ending = ending == null ? d.text() : ending;
                } else {
                    terms.add(d.text());
                }
            }
        }
        return "v=spf1" + (terms.isEmpty() ? "" : " " + String.join(" ", terms)) + " " + (ending == null ? "-all" : ending);
    }

    /** Removes ptr and duplicate terms, and ends the record with -all (or keeps ~all / -all). */
    static String tidy(String text, List<String> changes) {
        if (!(SpfRecord.parse(text) instanceof SpfParseResult.Parsed p)) {
            return text;
        }
        SpfRecord r = p.record();
        List<String> terms = new ArrayList<>();
        terms.add("v=spf1");
        Set<String> seen = new LinkedHashSet<>();
        String ending = null;
        for (Directive d : r.directives()) {
            Mechanism m = d.mechanism();
            if (m instanceof Mechanism.All) {
                if (d.qualifier() == Qualifier.PASS || d.qualifier() == Qualifier.NEUTRAL) {
                    changes.add("replaced " + d.text() + " by -all: it let every host on the Internet pass or be neutral");
                    ending = "-all";
                } else {
                    ending = d.text();
                }
                break; // terms after 'all' are never evaluated
            }
            if (m instanceof Mechanism.Ptr) {
                changes.add("removed " + d.text() + " (RFC 7208 §5.5: do not use); list the addresses of the hosts it "
                        + "stood for as ip4:/ip6: terms");
                continue;
            }
            if (!seen.add(d.text().toLowerCase(Locale.ROOT))) {
                changes.add("removed the duplicate " + d.text());
                continue;
            }
            terms.add(d.text());
        }
        boolean keepRedirect = r.redirect().isPresent() && ending == null;
        if (r.redirect().isPresent() && !keepRedirect) {
            changes.add("removed " + r.redirect().get().text() + ": it is ignored when the record has 'all' (RFC 7208 §6.1)");
        }
        if (keepRedirect) {
            terms.add(r.redirect().get().text());
        }
        r.exp().ifPresent(e -> terms.add(e.text()));
        if (ending == null && !keepRedirect) {
            changes.add("added -all: without it, hosts the record does not list get 'neutral' (RFC 7208 §4.7)");
            ending = "-all";
        }
        if (ending != null) {
            terms.add(ending);
        }
        return String.join(" ", terms);
    }
}
