package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.auth.dkim.DkimSelectorProbe;
import org.maildoctor.auth.dkim.KeyGrade;
import org.maildoctor.auth.dkim.SelectorFinding;
import org.maildoctor.dns.Resolver;

/**
 * The DKIM section. Selectors cannot be listed from DNS, so the audit probes the common ones plus
 * those given with {@code --selector}; finding none is a warning (the domain may sign with a
 * selector nobody guessed), a problem with a named selector is a failure.
 */
public record DkimSection(Resolver resolver) implements AuditSection {

    @Override
    public String name() {
        return "DKIM";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        List<String> selectors = new ArrayList<>(request.selectors());
        selectors.addAll(DkimSelectorProbe.COMMON_SELECTORS);
        return new DkimSelectorProbe(resolver).probe(request.domain(), selectors)
                .thenApply(findings -> checks(request, findings));
    }

    static List<AuditCheck> checks(AuditRequest request, List<SelectorFinding> findings) {
        List<AuditCheck> checks = new ArrayList<>();
        List<SelectorFinding.Found> found = findings.stream().filter(SelectorFinding.Found.class::isInstance)
                .map(SelectorFinding.Found.class::cast).toList();
        List<String> evidence = found.stream().map(f -> f.name() + " TXT \"" + f.record() + "\"").toList();
        if (!found.isEmpty()) {
            checks.add(AuditCheck.pass("dkim.selector", "DKIM keys published for selector(s) " + String.join(", ",
                    found.stream().map(f -> f.selector() + " (" + f.keyType().name().toLowerCase(Locale.ROOT)
                            + (f.bits() > 0 ? " " + f.bits() + " bits" : "") + ")").toList()), evidence));
            checks.add(strength(found, evidence));
        } else if (findings.stream().anyMatch(SelectorFinding.Unknown.class::isInstance)) {
            checks.add(AuditCheck.unknown("dkim.selector", "no DKIM key found, and some selector lookups failed: "
                    + String.join("; ", findings.stream().filter(SelectorFinding.Unknown.class::isInstance)
                    .map(SelectorFinding::explanation).limit(3).toList()), List.of()));
        } else {
            checks.add(AuditCheck.warn("dkim.selector", "no DKIM key found at the " + findings.size()
                    + " selectors tried" + (request.selectors().isEmpty() ? " (common ones; name yours with --selector)"
                    : ""), "Sign outgoing mail with DKIM: generate a key with 'maildoctor dkim keygen --domain "
                    + request.domain() + " --selector s1', publish the TXT record it prints and configure your "
                    + "mail server or provider to sign with it", List.of()));
        }
        for (SelectorFinding f : findings) {
            boolean named = request.selectors().contains(f.selector());
            switch (f) {
                case SelectorFinding.Revoked r when named -> checks.add(AuditCheck.fail("dkim.revoked", "the key of "
                        + "selector " + r.selector() + " is revoked (empty p=): signatures with it fail",
                        "Sign with a selector whose key is published, or publish the key again", List.of(r.record())));
                case SelectorFinding.Invalid i -> checks.add(AuditCheck.fail("dkim.key-syntax", "the DKIM record of "
                        + "selector " + i.selector() + " is not a usable key: " + i.explanation(),
                        "Republish the TXT record exactly as your key generator printed it", List.of(i.record())));
                case SelectorFinding.Absent a when named -> checks.add(AuditCheck.fail("dkim.missing", "no DKIM key is "
                        + "published for selector " + a.selector() + " (" + a.name() + ")", "Publish the selector's "
                        + "TXT record, or check the selector name in your signer's configuration", List.of()));
                default -> {
                }
            }
        }
        return List.copyOf(checks);
    }

    private static AuditCheck strength(List<SelectorFinding.Found> found, List<String> evidence) {
        List<SelectorFinding.Found> weak = found.stream().filter(f -> f.grade() == KeyGrade.FAIL).toList();
        List<SelectorFinding.Found> short1024 = found.stream().filter(f -> f.grade() == KeyGrade.WARN).toList();
        if (!weak.isEmpty()) {
            return AuditCheck.fail("dkim.key-strength", "RSA keys under 1024 bits are ignored by receivers "
                    + "(RFC 8301): selector(s) " + String.join(", ", weak.stream().map(SelectorFinding.Found::selector)
                    .toList()), "Generate a 2048-bit RSA or an Ed25519 key and rotate to it", evidence);
        }
        if (!short1024.isEmpty()) {
            return AuditCheck.warn("dkim.key-strength", "1024-bit RSA keys are the minimum and being phased out: "
                    + "selector(s) " + String.join(", ", short1024.stream().map(SelectorFinding.Found::selector)
                    .toList()), "Rotate to a 2048-bit RSA key", evidence);
        }
        return AuditCheck.pass("dkim.key-strength", "every key found is 2048-bit RSA or stronger, or Ed25519", evidence);
    }
}
