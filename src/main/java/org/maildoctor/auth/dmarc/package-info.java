/**
 * DMARC, RFC 9989 (DMARCbis) first and RFC 7489 compatible. Fetching is kept apart from deciding.
 *
 * <h2>Pure parts (values in, values out)</h2>
 * <ul>
 * <li>{@link org.maildoctor.auth.dmarc.DmarcRecordParser}: a record (or the TXT set at {@code _dmarc.<domain>})
 *     to a sealed {@link org.maildoctor.auth.dmarc.DmarcParseResult}: {@code Valid}, {@code Invalid} (with the
 *     record an RFC 9989 receiver would still apply, if any) or {@code Absent}, each with
 *     {@link org.maildoctor.auth.dmarc.DmarcFinding}s (id, severity, explanation, fix). Never throws.</li>
 * <li>{@link org.maildoctor.auth.dmarc.PublicSuffixList}: the RFC 7489 organizational domain (shipped PSL copy).</li>
 * <li>{@link org.maildoctor.auth.dmarc.TreeWalk}: the RFC 9989 §4.10 walk's names and its §4.10.2
 *     organizational-domain selection.</li>
 * <li>{@link org.maildoctor.auth.dmarc.DmarcEvaluator}: alignment, DMARC result and disposition for a message,
 *     given a {@link org.maildoctor.auth.dmarc.PolicyDiscovery} and an
 *     {@link org.maildoctor.auth.dmarc.OrganizationalDomains} function.</li>
 * </ul>
 *
 * <h2>Fetching (through {@link org.maildoctor.dns.Resolver} only)</h2>
 * <ul>
 * <li>{@link org.maildoctor.auth.dmarc.DmarcDiscovery}: tree walks, policy discovery, organizational domains.</li>
 * <li>{@link org.maildoctor.auth.dmarc.ReportDestinationVerifier}: {@code <policy>._report._dmarc.<dest>}.</li>
 * <li>{@link org.maildoctor.auth.dmarc.DmarcChecker} (a domain: what {@code maildoctor dmarc check} prints) and
 *     {@link org.maildoctor.auth.dmarc.DmarcVerifier} (a message: discovery, then the evaluator).</li>
 * </ul>
 *
 * <p>Section numbers of RFC 9989 were checked against draft-ietf-dmarc-dmarcbis-41, the text approved as
 * RFC 9989: §4.7 the tags, §4.8 the formal definition (ABNF; syntax errors fall back to defaults), §4.10 the DNS
 * Tree Walk (its numbered steps), §4.10.1 policy discovery, §4.10.2 identifier alignment evaluation
 * (organizational-domain selection).
 *
 * <p>DNS failures are never "no record": a failed lookup the answer depends on gives
 * {@code PolicyDiscovery.TempError} / {@code DmarcResult.TEMPERROR}; a failure above a record that was found
 * leaves a provisional answer ({@code WalkCompleteness.INCOMPLETE}, {@code OrganizationalDomain.Indeterminate}).
 */
package org.maildoctor.auth.dmarc;
