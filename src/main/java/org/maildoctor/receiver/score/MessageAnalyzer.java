package org.maildoctor.receiver.score;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.audit.rdns.ReverseDnsAudit;
import org.maildoctor.auth.arc.ArcValidation;
import org.maildoctor.auth.arc.ArcVerifier;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.RawMessage;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dkim.DkimVerifier;
import org.maildoctor.auth.dmarc.AuthResult;
import org.maildoctor.auth.dmarc.AuthenticatedIdentifier;
import org.maildoctor.auth.dmarc.DmarcEvaluation;
import org.maildoctor.auth.dmarc.DmarcVerifier;
import org.maildoctor.auth.dmarc.MessageAuthentication;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.auth.spf.SpfResult;
import org.maildoctor.auth.spf.SpfVerifier;
import org.maildoctor.content.ContentChecker;
import org.maildoctor.content.ContentFinding;
import org.maildoctor.content.ContentReport;
import org.maildoctor.content.MessageContent;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Scores one message as a receiving mailbox provider would see it. The same engine serves
 * {@code maildoctor analyze} (a saved message) and the receiver (a message as it arrives).
 *
 * <pre>{@code
 * ScoreCard card = new MessageAnalyzer(resolver, clock, BlocklistLookup.NONE, "maildoctor")
 *         .analyze(bytes, new Envelope(ip, "mail.example.org", "bounce@example.org", List.of(), true)).join();
 * }</pre>
 */
public final class MessageAnalyzer {
    static final String AUTH = "authentication";
    static final String REPUTATION = "reputation";
    static final String BULK = "bulk";
    static final String CONTENT = "content";

    private final Resolver resolver;
    private final SpfVerifier spf;
    private final DkimVerifier dkim;
    private final ArcVerifier arc;
    private final DmarcVerifier dmarc;
    private final ReverseDnsAudit rdns;
    private final BlocklistLookup blocklists;
    private final ContentChecker content = ContentChecker.standard();
    private final String authservId;

    /** {@code authservId}: the name in the Authentication-Results header we compose (RFC 8601 2.5). */
    public MessageAnalyzer(Resolver resolver, Clock clock, BlocklistLookup blocklists, String authservId) {
        this.resolver = Objects.requireNonNull(resolver);
        this.spf = SpfVerifier.using(resolver, clock).withReceivingHost(authservId);
        this.dkim = new DkimVerifier(resolver, clock);
        this.arc = new ArcVerifier(resolver, clock);
        this.dmarc = new DmarcVerifier(resolver);
        this.rdns = new ReverseDnsAudit(resolver);
        this.blocklists = Objects.requireNonNull(blocklists);
        this.authservId = authservId;
    }

    /** Never fails for anything the message or DNS says; every outcome is a check. */
    public CompletableFuture<ScoreCard> analyze(byte[] raw, Envelope env) {
        MessageContent m = MessageContent.parse(raw);
        Optional<String> fromDomain = HeaderChecks.fromDomain(m);
        String mailFromDomain = env.mailFrom().isEmpty() ? env.helo() : HeaderChecks.domainOf(env.mailFrom());

        RawMessage split = RawMessage.parse(raw); // one split for DKIM and ARC
        CompletableFuture<List<DkimSignatureResult>> dkimF = dkim.verifyAsync(split);
        CompletableFuture<ArcValidation> arcF = arc.verifyAsync(split);
        CompletableFuture<List<AuditCheck>> rdnsF = rdns.audit(env.clientIp())
                .exceptionally(e -> List.of(AuditCheck.unknown("rdns.ptr", "reverse DNS lookup failed: " + e, List.of())));
        CompletableFuture<DnsResult> heloF = heloLookup(env);
        // the extra HTML pass only when a blocklist will be asked about the hosts
        List<String> linkHosts = blocklists.lists().isEmpty() ? List.of() : ContentChecker.linkHosts(m);
        Set<String> domains = new LinkedHashSet<>();
        fromDomain.ifPresent(domains::add);
        m.first("Return-Path").map(v -> HeaderChecks.domainOf(v.replaceAll("[<>\\s]", ""))).filter(d -> !d.isEmpty())
                .ifPresent(domains::add);
        if (!mailFromDomain.isEmpty()) {
            domains.add(mailFromDomain.toLowerCase(Locale.ROOT));
        }
        domains.addAll(linkHosts.stream().limit(50).toList());
        CompletableFuture<BlocklistLookup.Outcome> blF = blocklists.lookup(env.clientIp(), domains)
                .exceptionally(e -> null);

        SpfEvaluation spfMail = spf.checkMailFrom(env.clientIp(), env.mailFrom(), env.helo());
        SpfEvaluation spfHelo = spf.checkHelo(env.clientIp(), env.helo());

        return dkimF.thenCompose(sigs -> {
            CompletableFuture<Optional<DmarcEvaluation>> dmarcF = fromDomain.isEmpty()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : dmarcOf(fromDomain.get(), spfMail, sigs);
            return CompletableFuture.allOf(dmarcF, rdnsF, heloF, blF, arcF).thenApply(v ->
                    card(m, env, fromDomain, spfMail, spfHelo, sigs, dmarcF.join(), arcF.join(), rdnsF.join(),
                            heloF.join(), blF.join(), linkHosts));
        });
    }

    private CompletableFuture<Optional<DmarcEvaluation>> dmarcOf(String fromDomain, SpfEvaluation spfMail,
                                                                 List<DkimSignatureResult> sigs) {
        List<AuthenticatedIdentifier> ids = new ArrayList<>();
        ids.add(AuthenticatedIdentifier.spf(spfMail.domain(), toAuth(spfMail.result().keyword())));
        for (DkimSignatureResult s : sigs) {
            if (!s.domain().isEmpty()) {
                ids.add(AuthenticatedIdentifier.dkim(s.domain(), toAuth(s.verdict().word())));
            }
        }
        try {
            return dmarc.verify(new MessageAuthentication(fromDomain, ids)).thenApply(Optional::of);
        } catch (DnsNameException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    private static AuthResult toAuth(String word) {
        return AuthResult.valueOf(word.toUpperCase(Locale.ROOT));
    }

    private CompletableFuture<DnsResult> heloLookup(Envelope env) {
        try {
            return resolver.lookup(env.helo(), env.clientIp() instanceof Inet4Address ? RecordType.A : RecordType.AAAA)
                    .exceptionally(e -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private ScoreCard card(MessageContent m, Envelope env, Optional<String> fromDomain, SpfEvaluation spfMail,
                           SpfEvaluation spfHelo, List<DkimSignatureResult> sigs, Optional<DmarcEvaluation> dm,
                           ArcValidation arc, List<AuditCheck> rdnsChecks, DnsResult helo, BlocklistLookup.Outcome listings,
                           List<String> linkHosts) {
        List<ScoreCheck> checks = new ArrayList<>();
        checks.add(AuthChecks.spf(spfMail));
        checks.add(AuthChecks.spfHelo(spfHelo));
        checks.add(AuthChecks.dkim(sigs, fromDomain));
        checks.add(AuthChecks.dmarc(dm, fromDomain));
        checks.add(AuthChecks.arc(arc));
        checks.add(env.tls() ? ScoreCheck.pass("transport.tls", AUTH, "the message arrived over TLS (STARTTLS)")
                : ScoreCheck.warn("transport.tls", AUTH, "the message arrived without TLS; Gmail and Yahoo require "
                + "TLS for bulk senders and Gmail marks unencrypted mail with a red padlock",
                "Enable opportunistic STARTTLS on your sending server (smtp_tls_security_level = may in Postfix).", 0.5));

        for (AuditCheck a : rdnsChecks) {
            checks.add(fromAudit(a));
        }
        checks.add(heloMatch(env, helo, rdnsChecks));
        Set<String> listedHosts = new LinkedHashSet<>();
        checks.addAll(blocklistChecks(listings, linkHosts, listedHosts));

        List<ScoreCheck> headerProblems = HeaderChecks.check(m);
        checks.addAll(headerProblems);
        if (headerProblems.stream().noneMatch(c -> c.status().isProblem())) {
            checks.add(ScoreCheck.pass("headers", HeaderChecks.CATEGORY, "From, Date, Message-ID, MIME and "
                    + "unsubscribe headers are in order"));
        }
        boolean bulk = HeaderChecks.isBulk(m);
        ContentReport contentReport = content.check(m, listedHosts);
        for (ContentFinding f : contentReport.findings()) {
            checks.add(ScoreCheck.warn(f.id().id(), CONTENT, f.explanation()
                    + (f.evidence().isEmpty() ? "" : ": " + String.join(", ", f.evidence())), f.fix(), f.points()));
        }
        if (contentReport.findings().isEmpty()) {
            checks.add(ScoreCheck.pass("content", CONTENT, "the template checker found nothing to fix"));
        }
        checks.addAll(BulkChecklist.items(bulk, checks, dm));

        double lost = checks.stream().mapToDouble(ScoreCheck::deduction).sum();
        double score = Math.max(0, Math.min(10, Math.round((10 - lost) * 10) / 10.0));
        String ar = AuthChecks.authenticationResults(authservId, spfMail, spfHelo, sigs, dm, fromDomain, arc);
        return new ScoreCard(score, env, fromDomain, spfMail, spfHelo, sigs, dm, arc, ar, bulk, checks,
                contentReport);
    }

    /**
     * Listed costs points (link hosts are left to the template checker via {@code listedHosts});
     * a list that could not answer is an unknown, never folded into a pass.
     */
    private List<ScoreCheck> blocklistChecks(BlocklistLookup.Outcome outcome, List<String> linkHosts,
                                             Set<String> listedHosts) {
        if (outcome == null) {
            return List.of(ScoreCheck.unknown("blocklist", REPUTATION, "the blocklist lookup failed"));
        }
        if (blocklists.lists().isEmpty()) {
            return List.of(ScoreCheck.notEvaluated("blocklist", REPUTATION,
                    "no blocklist checker is configured: the client IP and domains were not looked up"));
        }
        List<ScoreCheck> out = new ArrayList<>();
        for (BlocklistLookup.Listing l : outcome.listings()) {
            if (linkHosts.contains(l.subject())) {
                listedHosts.add(l.subject());
            } else {
                out.add(ScoreCheck.fail("blocklist", REPUTATION, l.subject() + " is listed on " + l.list() + ": "
                        + l.meaning(), "Find and stop the cause of the listing, then request delisting at "
                        + l.delisting() + ".", 3.0));
            }
        }
        if (!outcome.unchecked().isEmpty()) {
            out.add(ScoreCheck.unknown("blocklist.unknown", REPUTATION, "could not check "
                    + outcome.unchecked().stream().map(u -> u.subject() + " on " + u.list() + " (" + u.cause() + ")")
                    .distinct().limit(10).collect(Collectors.joining(", "))
                    + (outcome.unchecked().size() > 10 ? " and " + (outcome.unchecked().size() - 10) + " more" : "")
                    + "; these lists neither list nor clear the message"));
        }
        if (outcome.listings().isEmpty() && outcome.unchecked().isEmpty()) {
            out.add(outcome.asked() == 0
                    ? ScoreCheck.notEvaluated("blocklist", REPUTATION, "none of the " + blocklists.lists().size()
                            + " configured blocklists applies to the client IP or the domains")
                    : ScoreCheck.pass("blocklist", REPUTATION, "the client IP and the domains of From, "
                            + "Return-Path and links are on none of " + blocklists.lists().size() + " blocklists"));
        } else if (outcome.listings().isEmpty() && listedHosts.isEmpty()) {
            // some lists answered "not listed", the rest could not: say which part is known
            out.add(ScoreCheck.info("blocklist", REPUTATION, "not listed on the blocklists that answered; "
                    + outcome.unchecked().size() + " lookups gave no answer (see blocklist.unknown)"));
        }
        return out;
    }

    private static ScoreCheck fromAudit(AuditCheck a) {
        return switch (a.status()) {
            case PASS -> ScoreCheck.pass(a.id(), REPUTATION, a.explanation());
            case UNKNOWN -> ScoreCheck.unknown(a.id(), REPUTATION, a.explanation());
            case WARN -> ScoreCheck.warn(a.id(), REPUTATION, a.explanation(), a.fix().orElse(""), 0.5);
            case FAIL -> ScoreCheck.fail(a.id(), REPUTATION, a.explanation(), a.fix().orElse(""), 1.0);
        };
    }

    private static ScoreCheck heloMatch(Envelope env, DnsResult helo, List<AuditCheck> rdnsChecks) {
        String ip = env.clientIp().getHostAddress();
        if (env.helo().isBlank()) {
            return ScoreCheck.fail("rdns.helo", REPUTATION, "the client sent no HELO/EHLO name",
                    "Configure your server to greet with its fully qualified host name.", 0.5);
        }
        if (helo == null || helo.isFailure()) {
            return ScoreCheck.unknown("rdns.helo", REPUTATION, "could not resolve the HELO name " + env.helo()
                    + (helo == null ? "" : ": " + helo.describe()));
        }
        boolean back = helo.recordsOrEmpty().stream().anyMatch(r -> r instanceof DnsRecord.A a
                ? a.address().equals(env.clientIp()) : r instanceof DnsRecord.Aaaa q && q.address().equals(env.clientIp()));
        if (back) {
            return ScoreCheck.pass("rdns.helo", REPUTATION, "the HELO name " + env.helo() + " resolves to " + ip);
        }
        return ScoreCheck.warn("rdns.helo", REPUTATION, "the HELO name " + env.helo() + " does not resolve to the "
                + "client address " + ip + "; receivers compare HELO with forward-confirmed reverse DNS",
                "Greet with the host name whose A record and PTR match " + ip + ".", 0.5);
    }

}
