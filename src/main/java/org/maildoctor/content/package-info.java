/**
 * The template checker (issue 7 part 3), pure: {@link org.maildoctor.content.MessageContent#parse}
 * reads a message once (Jakarta Mail's MIME parser, no transport; jsoup for HTML) and
 * {@link org.maildoctor.content.ContentChecker} turns it into {@link org.maildoctor.content.ContentFinding}s,
 * each with a stable {@link org.maildoctor.content.ContentFindingId}, an explanation, a fix and the
 * points it costs out of 10. Spam-trigger phrases are our own lists in {@code data/spam-phrases.tsv}.
 */
package org.maildoctor.content;
