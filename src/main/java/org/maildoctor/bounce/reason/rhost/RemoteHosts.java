package org.maildoctor.bounce.reason.rhost;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.WordingPattern;

/**
 * The ordered registry of provider tables. The provider is found from the recipient's domain
 * first, then the remote MTA (or, when the report names none, the host the diagnostic names:
 * Exim's "host smtp-in.orange.fr (193.252.22.65)"), then the reporting MTA, as the peer decoder does.
 */
public final class RemoteHosts {

    private static final List<RemoteHost> ALL = List.of(
            new Aol(), new Apple(), new Cox(), new FrancePtt(), new GoDaddy(), new Kddi(), new MessageLabs(),
            new Mimecast(), new NttDocomo(), new Outlook(), new Spectrum());

    private static final WordingPattern HOST_IN_TEXT = WordingPattern.compile("\\bhost:?\\s+([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)");

    private RemoteHosts() {
    }

    /** The provider table that applies, if any. */
    public static Optional<RemoteHost> of(String destination, String remoteMta, String reportingMta, String diagnostic) {
        return of(destination, remoteMta, reportingMta, diagnostic, null);
    }

    /** {@link #of}, with {@code lowerDiagnostic} = {@link WordingPattern#lower}{@code (diagnostic)} when the caller has it, else null. */
    private static Optional<RemoteHost> of(String destination, String remoteMta, String reportingMta, String diagnostic,
            String lowerDiagnostic) {
        String remote = host(remoteMta);
        if (remote.isEmpty()) {
            String text = diagnostic == null ? "" : diagnostic;
            Matcher m = HOST_IN_TEXT.matcherOrNull(text, lowerDiagnostic != null && diagnostic != null ? lowerDiagnostic
                    : WordingPattern.lower(text));
            remote = m != null && m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        }
        String domain = host(destination);
        String dest = domain.substring(domain.lastIndexOf('@') + 1); // a whole address names its domain
        RemoteHost h = provider(dest);
        if (h == null) {
            h = provider(remote);
        }
        if (h == null) {
            h = provider(host(reportingMta));
        }
        return Optional.ofNullable(h);
    }

    /**
     * Each provider's host names without a leading dot, mapped to the first provider (in {@link #ALL}
     * order) that lists it. Pattern "x.com" and pattern ".x.com" select the same hosts (x.com itself
     * and any host ending in ".x.com", see {@link #isDomainOf} and {@link #isHostOf}), so a host's
     * provider is the first one found under any of its dot-separated suffixes: a few map lookups
     * instead of every pattern of every provider, which was most of the cost of deciding a reason.
     */
    private static final java.util.Map<String, Integer> BY_SUFFIX = bySuffix();

    private static java.util.Map<String, Integer> bySuffix() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            for (String p : ALL.get(i).hosts()) {
                m.putIfAbsent(p.startsWith(".") ? p.substring(1) : p, i);
            }
        }
        return java.util.Map.copyOf(m);
    }

    /** The first provider of {@link #ALL} with a host pattern that {@code host} is or is under, or null. */
    static RemoteHost provider(String host) {
        if (host.isEmpty()) {
            return null;
        }
        int best = Integer.MAX_VALUE;
        int from = 0;
        while (true) {
            Integer i = BY_SUFFIX.get(from == 0 ? host : host.substring(from));
            if (i != null && i < best) {
                best = i;
            }
            int dot = host.indexOf('.', from);
            if (dot < 0) {
                break;
            }
            from = dot + 1;
        }
        return best == Integer.MAX_VALUE ? null : ALL.get(best);
    }

    public static Optional<Reason> reason(String destination, String remoteMta, String reportingMta,
            RemoteHost.Failure failure) {
        return reason(destination, remoteMta, reportingMta, failure, null);
    }

    /** {@link #reason}, with {@code lowerDiagnostic} = {@link WordingPattern#lower} of the failure's diagnostic, or null. */
    public static Optional<Reason> reason(String destination, String remoteMta, String reportingMta,
            RemoteHost.Failure failure, String lowerDiagnostic) {
        if (failure.diagnostic().isBlank()) {
            return Optional.empty();
        }
        Optional<RemoteHost> h = of(destination, remoteMta, reportingMta, failure.diagnostic(), lowerDiagnostic);
        return h.isEmpty() ? Optional.empty() : h.get().reason(failure);
    }

    /** "dns; mx.example.org [192.0.2.1]" → "mx.example.org". */
    static String host(String field) {
        if (field == null) {
            return "";
        }
        String t = field.strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(semi + 1).strip();
        }
        int space = t.indexOf(' ');
        if (space >= 0) {
            t = t.substring(0, space);
        }
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** The recipient's domain is the provider's domain or one under it. */
    static boolean isDomainOf(String domain, String pattern) {
        if (domain.isEmpty()) {
            return false;
        }
        String p = pattern.startsWith(".") ? pattern.substring(1) : pattern;
        return domain.equals(p) || domain.endsWith("." + p);
    }

    static boolean isHostOf(String host, String pattern) {
        if (host.isEmpty()) {
            return false;
        }
        return pattern.startsWith(".") ? host.endsWith(pattern) || host.equals(pattern.substring(1))
                : host.equals(pattern) || host.endsWith("." + pattern);
    }
}
