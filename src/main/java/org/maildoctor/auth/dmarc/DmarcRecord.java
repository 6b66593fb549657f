package org.maildoctor.auth.dmarc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A DMARC policy record as a receiver applies it (RFC 9989 §4.7): every tag typed, defaults filled in,
 * invalid values replaced by their defaults. What was wrong with the text is in the parse result's
 * findings, not here.
 *
 * @param text               the record as published
 * @param requestedPolicy    {@code p}; empty when absent (RFC 9989: treated as {@code p=none}) or when an
 *                           invalid {@code p} is overridden by a valid {@code rua} (RFC 9989 §4.10.1)
 * @param subdomainPolicy    {@code sp} if published and valid
 * @param nonExistentPolicy  {@code np} if published and valid (RFC 9989 §4.7, from RFC 9091)
 * @param dkimAlignment      {@code adkim}, default relaxed
 * @param spfAlignment       {@code aspf}, default relaxed
 * @param aggregateReports   {@code rua}, the valid URIs only
 * @param failureReports     {@code ruf}, the valid URIs only
 * @param failureOptions     {@code fo}, default {@code {0}}
 * @param testing            {@code t}, default off
 * @param psd                {@code psd}, default u
 * @param deprecatedTags     RFC 7489-only tags seen ({@code pct}, {@code rf}, {@code ri}) with their raw values;
 *                           RFC 9989 removed them, older receivers may still honour them
 * @param percentage         {@code pct} when it is a valid RFC 7489 value (0–100), for 7489 compatibility
 * @param unknownTags        names of tags RFC 9989 does not define; ignored as the RFC requires
 */
public record DmarcRecord(String text, Optional<Policy> requestedPolicy, Optional<Policy> subdomainPolicy,
                          Optional<Policy> nonExistentPolicy, AlignmentMode dkimAlignment,
                          AlignmentMode spfAlignment, List<ReportUri> aggregateReports,
                          List<ReportUri> failureReports, Set<FailureOption> failureOptions, TestingMode testing,
                          PsdFlag psd, Map<String, String> deprecatedTags, OptionalInt percentage,
                          List<String> unknownTags) {
    public DmarcRecord {
        Objects.requireNonNull(text);
        Objects.requireNonNull(requestedPolicy);
        Objects.requireNonNull(subdomainPolicy);
        Objects.requireNonNull(nonExistentPolicy);
        Objects.requireNonNull(dkimAlignment);
        Objects.requireNonNull(spfAlignment);
        aggregateReports = List.copyOf(aggregateReports);
        failureReports = List.copyOf(failureReports);
        failureOptions = Set.copyOf(failureOptions);
        Objects.requireNonNull(testing);
        Objects.requireNonNull(psd);
        deprecatedTags = Map.copyOf(deprecatedTags);
        Objects.requireNonNull(percentage);
        unknownTags = List.copyOf(unknownTags);
    }

    /** {@code p}, with RFC 9989's default: a record without {@code p} acts as {@code p=none}. */
    public Policy policy() {
        return requestedPolicy.orElse(Policy.NONE);
    }

    /** The policy for existing subdomains: {@code sp}, else {@code p} (RFC 9989 §4.7, tag sp). */
    public Policy effectiveSubdomainPolicy() {
        return subdomainPolicy.orElse(policy());
    }

    /** The policy for non-existent subdomains: {@code np}, else {@code sp}, else {@code p} (RFC 9989 §4.7, tag np). */
    public Policy effectiveNonExistentPolicy() {
        return nonExistentPolicy.orElse(effectiveSubdomainPolicy());
    }

    public AlignmentMode alignment(Mechanism mechanism) {
        return mechanism == Mechanism.DKIM ? dkimAlignment : spfAlignment;
    }
}
