package org.maildoctor.auth.spf;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;

/**
 * Checks whether a client may send for an identity: RFC 7208 {@code check_host()} behind one named
 * factory per calling mode.
 *
 * <pre>{@code
 * SpfVerifier spf = SpfVerifier.using(resolver, clock);
 * SpfEvaluation r = spf.checkMailFrom(ip, "jane@example.org", "mail.example.org");
 * SpfEvaluation h = spf.checkHelo(ip, "mail.example.org");
 * }</pre>
 * Immutable; the {@code with...} methods return configured copies. Each check wraps the shared
 * resolver in a fresh {@link LookupBudget}. Checks never throw for anything DNS or the records
 * say: every outcome is one of the seven results with its reason.
 */
public final class SpfVerifier {
    private final Resolver resolver;
    private final Clock clock;
    private final SpfLimits limits;
    private final String receivingHost;
    private final Optional<String> defaultExplanation;

    private SpfVerifier(Resolver resolver, Clock clock, SpfLimits limits, String receivingHost,
                        Optional<String> defaultExplanation) {
        this.resolver = Objects.requireNonNull(resolver);
        this.clock = Objects.requireNonNull(clock);
        this.limits = Objects.requireNonNull(limits);
        this.receivingHost = Objects.requireNonNull(receivingHost);
        this.defaultExplanation = Objects.requireNonNull(defaultExplanation);
    }

    /**
     * A verifier with the RFC limits, receiving host {@code unknown} and no default explanation.
     * The clock is only read for the {@code %{t}} macro of explanations.
     */
    public static SpfVerifier using(Resolver resolver, Clock clock) {
        return new SpfVerifier(resolver, clock, SpfLimits.RFC7208, "unknown", Optional.empty());
    }

    public SpfVerifier withLimits(SpfLimits limits) {
        return new SpfVerifier(resolver, clock, limits, receivingHost, defaultExplanation);
    }

    /** The {@code %{r}} macro: the domain of the host doing the check (RFC 7208 7.3). */
    public SpfVerifier withReceivingHost(String domain) {
        return new SpfVerifier(resolver, clock, limits, domain, defaultExplanation);
    }

    /** The explanation of a fail when the record has no usable {@code exp=} (a macro-string). */
    public SpfVerifier withDefaultExplanation(String text) {
        return new SpfVerifier(resolver, clock, limits, receivingHost, Optional.of(text));
    }

    /**
     * The MAIL FROM identity (RFC 7208 2.4). An empty {@code sender} (the null reverse-path
     * {@code <>}) checks {@code postmaster@helo}; a sender without local-part gets {@code postmaster}.
     */
    public SpfEvaluation checkMailFrom(InetAddress ip, String sender, String helo) {
        Objects.requireNonNull(ip);
        String h = helo == null ? "" : helo;
        String s = sender == null ? "" : sender.strip();
        if (s.isEmpty() || s.equals("<>")) {
            return run(ip, "postmaster@" + h, h, h, SpfIdentity.MAIL_FROM);
        }
        int at = s.lastIndexOf('@');
        String domain = at < 0 ? s : s.substring(at + 1);
        String local = at <= 0 ? "postmaster" : s.substring(0, at);
        return run(ip, local + "@" + domain, domain, h, SpfIdentity.MAIL_FROM);
    }

    /** The HELO identity (RFC 7208 2.3): the sender is {@code postmaster@helo}. */
    public SpfEvaluation checkHelo(InetAddress ip, String helo) {
        Objects.requireNonNull(ip);
        String h = helo == null ? "" : helo.strip();
        return run(ip, "postmaster@" + h, h, h, SpfIdentity.HELO);
    }

    private SpfEvaluation run(InetAddress ip, String sender, String domain, String helo, SpfIdentity identity) {
        Evaluator e = new Evaluator(new LookupBudget(resolver, limits), ip, sender, helo, receivingHost,
                clock, limits, defaultExplanation);
        Optional<String> bad = malformedDomain(domain);
        Evaluator.HostResult r = bad.isPresent()
                ? Evaluator.HostResult.of(SpfResult.NONE, "'" + printable(domain) + "' is not a domain SPF can check: "
                        + bad.get() + " (RFC 7208 4.3)")
                : e.checkHost(DnsNames.normalize(domain), 0);
        return new SpfEvaluation(r.result(), r.reason(), identity, sender, domain, r.mechanism(), r.matchedIn(),
                r.explanation(), e.budget().terms(), e.budget().voids(), e.budget().log());
    }

    /**
     * RFC 7208 4.3: a malformed domain (a label over 63 characters, an empty label) or one that is
     * not multi-label gives "none" without any lookup. Address literals are not domains either.
     */
    static Optional<String> malformedDomain(String domain) {
        if (domain.isEmpty()) {
            return Optional.of("empty");
        }
        if (domain.startsWith("[") || DnsNames.parseIpLiteral(domain).isPresent()) {
            return Optional.of("an address literal, not a domain");
        }
        String normalized;
        try {
            normalized = DnsNames.normalize(domain);
        } catch (DnsNameException e) {
            return Optional.of(e.getMessage().replaceFirst("^invalid DNS name '.*': ", ""));
        }
        if (normalized.indexOf('.') < 0) {
            return Optional.of("not a fully qualified (multi-label) domain");
        }
        return Optional.empty();
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return s.length() > 200 ? sb + "..." : sb.toString();
    }
}
