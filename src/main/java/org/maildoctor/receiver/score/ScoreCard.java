package org.maildoctor.receiver.score;

import java.util.List;
import java.util.Optional;
import org.maildoctor.auth.arc.ArcValidation;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dmarc.DmarcEvaluation;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.content.ContentReport;

/**
 * The analysis of one message.
 *
 * @param score                 10 minus every deduction, clamped to 0..10, one decimal
 * @param envelope              the SMTP envelope analysed
 * @param fromDomain            the RFC5322.From domain, when From holds one valid address
 * @param spf                   SPF for MAIL FROM
 * @param spfHelo               SPF for the HELO name
 * @param dkim                  one result per DKIM-Signature
 * @param dmarc                 DMARC, empty when there is no usable From domain
 * @param arc                   the ARC chain (RFC 8617), signatures verified
 * @param authenticationResults the Authentication-Results header field (RFC 8601) a receiver would add
 * @param bulk                  the message looks like bulk mail
 * @param checks                every check, problems and passes, in category order
 * @param content               the template checker's report
 */
public record ScoreCard(double score, Envelope envelope, Optional<String> fromDomain, SpfEvaluation spf,
                        SpfEvaluation spfHelo, List<DkimSignatureResult> dkim, Optional<DmarcEvaluation> dmarc,
                        ArcValidation arc, String authenticationResults, boolean bulk, List<ScoreCheck> checks,
                        ContentReport content) {
    public ScoreCard {
        dkim = List.copyOf(dkim);
        checks = List.copyOf(checks);
    }

    /** The checks that cost points or need attention (warn, fail). */
    public List<ScoreCheck> problems() {
        return checks.stream().filter(c -> c.status().isProblem()).toList();
    }
}
