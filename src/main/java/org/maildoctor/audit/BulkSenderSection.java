package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bulk-sender requirements of Gmail (Feb 2024, enforcement ramped up Nov 2025), Yahoo (Feb 2024)
 * and Microsoft's consumer services (5 May 2025, 550 5.7.515), as a checklist read off the SPF,
 * DKIM, DMARC and reverse-DNS checks. Requirements that live in messages or in provider dashboards
 * (one-click unsubscribe, complaint rate, TLS of your outgoing connections) are "unknown" here,
 * never guessed. Sources: docs REFERENCE §5 (Google's sender guidelines and FAQ, Microsoft's NDR
 * 5.7.515 page; Yahoo's via secondary copies).
 */
public final class BulkSenderSection implements ChecklistSection {
    public static final String NAME = "Bulk senders (Gmail, Yahoo, Microsoft)";
    static final String PER_MESSAGE = "unknown: checked per message by `analyze`";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<AuditCheck> derive(AuditRequest request, Map<String, List<AuditCheck>> done) {
        Index ix = new Index(done);
        String d = request.domain();
        List<AuditCheck> out = new ArrayList<>();
        out.add(spf(ix, d));
        out.add(dkim(ix, d));
        out.add(dmarc(ix, d));
        out.add(alignment(ix, d));
        out.add(rdns(ix, request));
        out.add(AuditCheck.unknown("bulk.tls", "TLS for transmission (Gmail, all senders): whether your outgoing "
                + "server uses STARTTLS is not visible in DNS; " + PER_MESSAGE + " (its Received headers)", List.of()));
        out.add(AuditCheck.unknown("bulk.unsubscribe", "one-click unsubscribe (RFC 8058 List-Unsubscribe-Post plus "
                + "List-Unsubscribe, RFC 2369) on marketing mail, honoured within 2 days (Gmail, Yahoo): "
                + PER_MESSAGE, List.of()));
        out.add(AuditCheck.unknown("bulk.complaints", "spam complaint rate below 0.3% (Gmail: aim under 0.1%, see "
                + "Postmaster Tools; Yahoo likewise): a figure from the providers' dashboards, not from DNS",
                List.of()));
        return List.copyOf(out);
    }

    private static AuditCheck spf(Index ix, String d) {
        String who = " (Gmail: SPF or DKIM for everyone, both for 5,000+ messages a day; Yahoo: both for bulk; "
                + "Microsoft: SPF pass for 5,000+ a day, else 550 5.7.515 from 5 May 2025)";
        Optional<AuditCheck> record = ix.get("spf.record");
        Optional<AuditCheck> lookups = ix.get("spf.lookups");
        if (record.isEmpty() || record.get().status() == CheckStatus.UNKNOWN) {
            return AuditCheck.unknown("bulk.spf", "SPF could not be checked" + who, List.of());
        }
        if (record.get().status() == CheckStatus.FAIL || lookups.map(c -> c.status() == CheckStatus.FAIL).orElse(false)) {
            return AuditCheck.fail("bulk.spf", "SPF does not pass for " + d + " (see spf.record / spf.lookups)" + who,
                    "Publish one valid SPF record within 10 lookups (see 'Records to publish')", List.of());
        }
        return AuditCheck.pass("bulk.spf", d + " publishes one valid SPF record within the lookup limit" + who,
                record.get().evidence());
    }

    private static AuditCheck dkim(Index ix, String d) {
        String who = " (Gmail: required for 5,000+ a day; Yahoo: required for bulk; Microsoft: DKIM pass for 5,000+ a day)";
        Optional<AuditCheck> selector = ix.get("dkim.selector");
        Optional<AuditCheck> strength = ix.get("dkim.key-strength");
        if (selector.isEmpty() || selector.get().status() == CheckStatus.UNKNOWN) {
            return AuditCheck.unknown("bulk.dkim", "DKIM keys could not be checked" + who, List.of());
        }
        if (strength.map(c -> c.status() == CheckStatus.FAIL).orElse(false)) {
            return AuditCheck.fail("bulk.dkim", "a DKIM key of " + d + " is under 1024 bits and ignored (RFC 8301)" + who,
                    "Sign with a 2048-bit RSA or Ed25519 key ('maildoctor generate dkim')", List.of());
        }
        if (selector.get().status() != CheckStatus.PASS) {
            return AuditCheck.warn("bulk.dkim", "no DKIM key found under " + d + " at the selectors tried" + who,
                    "Sign all mail with DKIM under " + d + " ('maildoctor generate dkim'), or name your selector with "
                            + "--selector", List.of());
        }
        return AuditCheck.pass("bulk.dkim", "DKIM keys are published under " + d + who, selector.get().evidence());
    }

    private static AuditCheck dmarc(Index ix, String d) {
        String who = " (Gmail and Yahoo: a DMARC record, p=none is enough, for bulk senders; Microsoft: at least "
                + "p=none for 5,000+ a day)";
        Optional<AuditCheck> record = ix.get("dmarc.record");
        if (record.isEmpty() || record.get().status() == CheckStatus.UNKNOWN) {
            return AuditCheck.unknown("bulk.dmarc", "DMARC could not be checked" + who, List.of());
        }
        if (record.get().status() != CheckStatus.PASS) {
            return AuditCheck.fail("bulk.dmarc", "no DMARC policy applies to " + d + who,
                    "Publish the DMARC record under 'Records to publish' (p=none with reports to start)", List.of());
        }
        return AuditCheck.pass("bulk.dmarc", "a DMARC policy applies to " + d + who, record.get().evidence());
    }

    /** Alignment is a property of each message; DNS only tells whether anything could align. */
    private static AuditCheck alignment(Index ix, String d) {
        String who = " (Gmail: From aligned with SPF or DKIM for bulk; Yahoo: DMARC must pass, relaxed alignment; "
                + "Microsoft: DMARC pass)";
        boolean spf = ix.status("spf.record") == CheckStatus.PASS;
        boolean dkim = ix.status("dkim.selector") == CheckStatus.PASS;
        if (spf || dkim) {
            return AuditCheck.unknown("bulk.alignment", "alignment can be achieved ("
                    + (dkim ? "DKIM keys under " + d : "") + (spf && dkim ? ", " : "") + (spf ? "SPF for " + d : "")
                    + ") but whether each message's DKIM d= or MAIL FROM matches the From domain is " + PER_MESSAGE
                    + who, List.of());
        }
        if (ix.status("spf.record") == CheckStatus.UNKNOWN || ix.status("dkim.selector") == CheckStatus.UNKNOWN) {
            return AuditCheck.unknown("bulk.alignment", "could not tell whether anything under " + d + " can align"
                    + who, List.of());
        }
        return AuditCheck.warn("bulk.alignment", "nothing found under " + d + " that mail could align with: no valid "
                + "SPF record and no DKIM key at the selectors tried" + who, "Publish SPF for " + d + " and sign with "
                + "DKIM under " + d + " (d=" + d + "), so DMARC passes", List.of());
    }

    private static AuditCheck rdns(Index ix, AuditRequest request) {
        String who = " (Gmail: valid forward and reverse DNS for all senders, else 550 5.7.25)";
        if (request.ips().isEmpty()) {
            return AuditCheck.unknown("bulk.rdns", "no sending IP given: name them with --ip to check forward-"
                    + "confirmed reverse DNS" + who, List.of());
        }
        List<AuditCheck> rdns = ix.prefixed("rdns.");
        CheckStatus worst = rdns.stream().filter(c -> !c.id().equals("rdns.generic")).map(AuditCheck::status)
                .reduce(CheckStatus.PASS, CheckStatus::worst);
        return switch (worst) {
            case PASS, WARN -> AuditCheck.pass("bulk.rdns", "every sending IP has forward-confirmed reverse DNS" + who,
                    List.of());
            case UNKNOWN -> AuditCheck.unknown("bulk.rdns", "reverse DNS could not be checked for every IP" + who,
                    List.of());
            case FAIL -> AuditCheck.fail("bulk.rdns", "a sending IP lacks forward-confirmed reverse DNS (see rdns.*)"
                    + who, "Ask the owner of the IP (your hosting provider) to set a PTR name that resolves back to it",
                    List.of());
        };
    }

    /** The finished checks by id. */
    private record Index(Map<String, List<AuditCheck>> done) {
        Optional<AuditCheck> get(String id) {
            return done.values().stream().flatMap(List::stream).filter(c -> c.id().equals(id)).findFirst();
        }

        CheckStatus status(String id) {
            return get(id).map(AuditCheck::status).orElse(CheckStatus.UNKNOWN);
        }

        List<AuditCheck> prefixed(String prefix) {
            return done.values().stream().flatMap(List::stream).filter(c -> c.id().startsWith(prefix)).toList();
        }
    }
}
