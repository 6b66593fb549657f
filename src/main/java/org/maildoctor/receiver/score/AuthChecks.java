package org.maildoctor.receiver.score;

import java.util.List;
import java.util.Optional;
import org.maildoctor.auth.arc.ArcValidation;
import org.maildoctor.auth.arc.ChainStatus;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dmarc.Disposition;
import org.maildoctor.auth.dmarc.DmarcEvaluation;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.spf.SpfEvaluation;

/** Authentication verdicts as score-card checks, and the Authentication-Results header. Pure. */
final class AuthChecks {
    private static final String A = MessageAnalyzer.AUTH;

    private AuthChecks() {
    }

    static ScoreCheck spf(SpfEvaluation e) {
        String what = "SPF for MAIL FROM " + e.domain() + ": " + e.result().keyword() + " (" + e.reason() + ")";
        String fix = "Publish or extend the SPF record of " + e.domain() + " so it authorises this server "
                + "(e.g. add ip4:<your IP> or the include: of your email provider), ending with ~all or -all.";
        return switch (e.result()) {
            case PASS -> ScoreCheck.pass("auth.spf", A, what);
            case FAIL, PERMERROR -> ScoreCheck.fail("auth.spf", A, what, e.result() == org.maildoctor.auth.spf.SpfResult.PERMERROR
                    ? "Repair the SPF record of " + e.domain() + " (run 'maildoctor spf show " + e.domain() + "')." : fix, 1.5);
            case SOFTFAIL, NEUTRAL, NONE -> ScoreCheck.warn("auth.spf", A, what, fix, 1.0);
            case TEMPERROR -> ScoreCheck.unknown("auth.spf", A, what);
        };
    }

    static ScoreCheck spfHelo(SpfEvaluation e) {
        String what = "SPF for HELO " + e.domain() + ": " + e.result().keyword() + " (" + e.reason() + ")";
        return switch (e.result()) {
            case PASS -> ScoreCheck.pass("auth.spf-helo", A, what);
            case FAIL, PERMERROR -> ScoreCheck.warn("auth.spf-helo", A, what, "Publish 'v=spf1 a -all' at the "
                    + "HELO name " + e.domain() + " (RFC 7208 recommends SPF for HELO names).", 0.3);
            case TEMPERROR -> ScoreCheck.unknown("auth.spf-helo", A, what);
            default -> ScoreCheck.info("auth.spf-helo", A, what);
        };
    }

    static ScoreCheck dkim(List<DkimSignatureResult> sigs, Optional<String> fromDomain) {
        if (sigs.isEmpty()) {
            return ScoreCheck.fail("auth.dkim", A, "the message is not DKIM-signed; Gmail, Yahoo and Microsoft "
                    + "require DKIM of bulk senders", "Sign outgoing mail with DKIM for your From domain (OpenDKIM, or "
                    + "your provider's DKIM setting) and publish the key ('maildoctor dkim keygen').", 2.0);
        }
        String all = String.join("; ", sigs.stream().map(DkimSignatureResult::summary).toList());
        DkimVerdict best = DkimVerdict.overall(sigs);
        return switch (best) {
            case PASS -> {
                boolean aligned = fromDomain.isPresent() && sigs.stream().anyMatch(s -> s.verdict() == DkimVerdict.PASS
                        && (fromDomain.get().equals(s.domain().toLowerCase()) || fromDomain.get().endsWith("." + s.domain().toLowerCase())
                        || s.domain().toLowerCase().endsWith("." + fromDomain.get())));
                boolean broken = sigs.stream().anyMatch(s -> s.verdict() == DkimVerdict.FAIL);
                if (broken) {
                    DkimSignatureResult bad = sigs.stream().filter(s -> s.verdict() == DkimVerdict.FAIL).findFirst().get();
                    yield ScoreCheck.warn("auth.dkim", A, "one signature passes, another fails: " + all,
                            bad.reason().fix(), 0.3);
                }
                yield aligned ? ScoreCheck.pass("auth.dkim", A, all)
                        : ScoreCheck.warn("auth.dkim", A, "DKIM passes but no passing signature is from the From "
                        + "domain's organization: " + all, "Sign with d= your From domain so DKIM aligns for DMARC.", 0.5);
            }
            case TEMPERROR -> ScoreCheck.unknown("auth.dkim", A, all);
            default -> {
                DkimSignatureResult first = sigs.get(0);
                yield ScoreCheck.fail("auth.dkim", A, "no DKIM signature verifies: " + all + ". " + first.explanation(),
                        first.reason().fix(), 2.0);
            }
        };
    }

    static ScoreCheck dmarc(Optional<DmarcEvaluation> dm, Optional<String> fromDomain) {
        if (dm.isEmpty()) {
            return ScoreCheck.fail("auth.dmarc", A, "DMARC cannot be evaluated: From holds no single valid address",
                    "Send with exactly one valid From: address.", 2.0);
        }
        DmarcEvaluation e = dm.get();
        String what = "DMARC for " + fromDomain.orElse("?") + ": " + e.result().token()
                + e.requestedPolicy().map(p -> ", policy p=" + p.name().toLowerCase()).orElse("")
                + ", disposition " + e.disposition().token() + ". " + e.explanation();
        return switch (e.result()) {
            case PASS -> ScoreCheck.pass("auth.dmarc", A, what);
            case FAIL -> ScoreCheck.fail("auth.dmarc", A, what, "Make SPF (MAIL FROM domain) or DKIM (d=) pass for "
                    + "the From domain " + fromDomain.orElse("") + " or a subdomain of it (alignment).",
                    e.disposition() == Disposition.NONE ? 1.5 : 2.5);
            case NONE -> ScoreCheck.fail("auth.dmarc", A, what, "Publish a DMARC record: _dmarc."
                    + fromDomain.orElse("example.org") + " TXT \"v=DMARC1; p=none; rua=mailto:…\" (Gmail and Yahoo "
                    + "require one of bulk senders), then move to p=quarantine or reject.", 1.0);
            case TEMPERROR -> ScoreCheck.unknown("auth.dmarc", A, what);
            case PERMERROR -> ScoreCheck.fail("auth.dmarc", A, what, "Repair the DMARC record (run 'maildoctor dmarc check "
                    + fromDomain.orElse("") + "').", 1.0);
        };
    }

    static ScoreCheck arc(ArcValidation arc) {
        return switch (arc.status()) {
            case NONE -> ScoreCheck.info("auth.arc", A, "no ARC sets: the message was not forwarded by an ARC "
                    + "sealer (RFC 8617); nothing to validate");
            case PASS -> ScoreCheck.pass("auth.arc", A, arc.explanation());
            case FAIL -> arc.temporary() ? ScoreCheck.unknown("auth.arc", A, "the ARC chain could not be "
                    + "validated: " + arc.explanation())
                    : ScoreCheck.warn("auth.arc", A, "ARC chain fails"
                    + (arc.failedInstance().isPresent() ? " at instance i=" + arc.failedInstance().getAsInt() : "")
                    + " (" + arc.reason().text() + "): " + arc.explanation() + ". Receivers then ignore what the "
                    + "forwarders vouched for", arc.reason().fix(), 0.3);
        };
    }

    /** RFC 8601 Authentication-Results for what we checked. */
    static String authenticationResults(String authservId, SpfEvaluation spf, SpfEvaluation helo,
                                        List<DkimSignatureResult> sigs, Optional<DmarcEvaluation> dm,
                                        Optional<String> fromDomain, ArcValidation arc) {
        StringBuilder sb = new StringBuilder("Authentication-Results: ").append(authservId);
        sb.append(";\n\tspf=").append(spf.result().keyword()).append(" smtp.mailfrom=").append(spf.sender());
        sb.append(";\n\tspf=").append(helo.result().keyword()).append(" smtp.helo=").append(helo.domain());
        if (sigs.isEmpty()) {
            sb.append(";\n\tdkim=none");
        }
        for (DkimSignatureResult s : sigs) {
            sb.append(";\n\tdkim=").append(s.verdict().word());
            if (s.verdict() != DkimVerdict.PASS) {
                sb.append(" reason=\"").append(s.reason().text()).append('"');
            }
            sb.append(" header.d=").append(s.domain().isEmpty() ? "unknown" : s.domain())
                    .append(" header.s=").append(s.selector().isEmpty() ? "unknown" : s.selector());
        }
        sb.append(";\n\tdmarc=").append(dm.map(d -> d.result().token()).orElse("permerror"));
        dm.flatMap(DmarcEvaluation::requestedPolicy).ifPresent(p -> sb.append(" policy.dmarc=").append(policyWord(p)));
        fromDomain.ifPresent(d -> sb.append(" header.from=").append(d));
        sb.append(";\n\tarc=").append(arc.status().code());
        if (arc.status() == ChainStatus.PASS) {
            // RFC 8617 10.1 registers header.oldest-pass for the arc method
            sb.append(" header.oldest-pass=").append(arc.oldestPass().orElse(0));
        } else if (arc.status() == ChainStatus.FAIL) {
            sb.append(" (").append(arc.failedInstance().isPresent() ? "i=" + arc.failedInstance().getAsInt() + " " : "")
                    .append(arc.reason().text()).append(')');
        }
        return sb.toString();
    }

    private static String policyWord(Policy p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }
}
