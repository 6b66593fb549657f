/**
 * The deliverability test's analysis (issue 7 part 2), pure: {@link org.maildoctor.receiver.score.MessageAnalyzer}
 * runs SPF (MAIL FROM and HELO), every DKIM signature, DMARC, the ARC chain's structure,
 * forward-confirmed reverse DNS, blocklists (through the {@link org.maildoctor.receiver.score.BlocklistLookup}
 * port), header rules, the bulk-sender checklist and the template checker over one message and its
 * SMTP {@link org.maildoctor.receiver.score.Envelope}, and returns a {@link org.maildoctor.receiver.score.ScoreCard}:
 * a score out of 10 and one {@link org.maildoctor.receiver.score.ScoreCheck} per decision, each
 * deduction with its explanation and fix. DNS only through {@code dns.Resolver}.
 */
package org.maildoctor.receiver.score;
