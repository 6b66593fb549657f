package org.maildoctor.auth.dkim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Finds a domain's DKIM keys by asking for {@code <selector>._domainkey.<domain>} TXT over a list of
 * selectors, all queries at once. DKIM has no way to list selectors (RFC 6376 3.1), so discovery can
 * only try the names that providers and software use by default.
 */
public final class DkimSelectorProbe {
    /**
     * Default selectors of common providers and software: Google Workspace (google), Microsoft 365
     * (selector1/2), Mailchimp/Mandrill (k1–k3, mandrill), SendGrid (s1/s2, smtpapi), Amazon SES
     * (amazonses), Zoho (zoho, zmail), Mailgun (mailo, mg, pic, krs), Postmark (pm), Fastmail (fm1–fm3),
     * OpenDKIM/rspamd/cPanel defaults (default, dkim, mail, smtp), plus mxvault and a few dated ones.
     */
    public static final List<String> COMMON_SELECTORS = List.of("google", "selector1", "selector2", "k1", "k2", "k3",
            "s1", "s2", "default", "dkim", "mail", "smtp", "mandrill", "mxvault", "amazonses", "smtpapi", "zoho",
            "zmail", "mailo", "mg", "pic", "krs", "pm", "fm1", "fm2", "fm3", "key1", "key2", "sig1", "everlytickey1",
            "everlytickey2", "dkim1", "mx", "email", "mailjet", "sendinblue", "mail1", "protonmail", "protonmail2",
            "protonmail3", "ed25519", "rsa");

    private final Resolver resolver;

    public DkimSelectorProbe(Resolver resolver) {
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** {@link #COMMON_SELECTORS}. */
    public CompletableFuture<List<SelectorFinding>> probe(String domain) {
        return probe(domain, COMMON_SELECTORS);
    }

    /**
     * One finding per selector, in the given order (duplicates dropped).
     *
     * @throws DnsNameException if {@code domain} is not a DNS name
     */
    public CompletableFuture<List<SelectorFinding>> probe(String domain, List<String> selectors) {
        String d = DnsNames.normalize(domain);
        List<CompletableFuture<SelectorFinding>> futures = new ArrayList<>();
        for (String selector : new LinkedHashSet<>(selectors)) {
            String name = selector + "._domainkey." + d;
            CompletableFuture<DnsResult> lookup;
            try {
                lookup = resolver.lookup(name, RecordType.TXT);
            } catch (DnsNameException e) {
                futures.add(CompletableFuture.completedFuture(new SelectorFinding.Invalid(selector, name,
                        FailureReason.SYNTAX, "", "not a valid selector: " + e.getMessage())));
                continue;
            }
            futures.add(lookup.thenApply(r -> finding(selector, name, r)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(x -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** The finding for one selector's TXT lookup (pure; table-tested). */
    static SelectorFinding finding(String selector, String name, DnsResult result) {
        if (result.isFailure()) {
            return new SelectorFinding.Unknown(selector, name, "unknown: " + result.describe());
        }
        List<DnsRecord.Txt> txts = result instanceof DnsResult.Answer a ? a.records(DnsRecord.Txt.class) : List.of();
        if (txts.isEmpty()) {
            return new SelectorFinding.Absent(selector, name, "no key (" + result.outcome() + ")");
        }
        return switch (DkimKeyRecordParser.parseFirstUsable(txts.stream().map(DnsRecord.Txt::text).toList())) {
            case DkimKeyRecord.Parse.Revoked r -> new SelectorFinding.Revoked(selector, name, r.text(),
                    "revoked: the record has an empty p= (RFC 6376 3.6.1)");
            case DkimKeyRecord.Parse.Invalid inv -> new SelectorFinding.Invalid(selector, name, inv.reason(),
                    txts.getFirst().text(), "not a usable key: " + inv.explanation());
            case DkimKeyRecord.Parse.Valid v -> found(selector, name, v.key());
        };
    }

    private static SelectorFinding found(String selector, String name, DkimKeyRecord key) {
        KeyGrade grade = KeyGrade.of(key.keyType(), key.bits());
        String what = key.keyType() == DkimAlgorithm.KeyType.ED25519 ? "Ed25519 key" : key.bits() + "-bit RSA key";
        String why = switch (grade) {
            case GOOD -> what + ": good";
            case WARN -> what + ": the minimum RFC 8301 allows; publish a 2048-bit key";
            case FAIL -> what + ": under 1024 bits, receivers must reject its signatures (RFC 8301 3.2)";
        };
        if (key.testing()) {
            why += "; t=y: testing mode, receivers treat mail as unsigned";
        }
        return new SelectorFinding.Found(selector, name, key.keyType(), key.bits(), grade, key.testing(), key.text(), why);
    }
}
