package org.maildoctor.smtp;

import java.util.List;
import java.util.Optional;

/**
 * One SMTP reply as a server sent it (or as a bounce quoted it): the basic code, the enhanced status
 * code when present, the text lines without their codes, and the provider tags found in the text.
 * At least one of code, status or text is present.
 */
public record SmtpReply(Optional<ReplyCode> replyCode, Optional<EnhancedStatus> status, List<String> lines,
        List<ProviderTag> tags) {

    public SmtpReply {
        replyCode = replyCode == null ? Optional.empty() : replyCode;
        status = status == null ? Optional.empty() : status;
        lines = lines == null ? List.of() : List.copyOf(lines);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (replyCode.isEmpty() && status.isEmpty() && lines.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("a reply needs a code, a status or text");
        }
    }

    public static SmtpReply of(int replyCode, String status, String text) {
        return new SmtpReply(Optional.of(new ReplyCode(replyCode)), EnhancedStatus.parse(status),
                List.of(text), ProviderTags.find(text));
    }

    /** The text lines joined with single spaces. */
    public String text() {
        return String.join(" ", lines).strip();
    }

    /** The provider named by the first tag, if any. */
    public Optional<Provider> provider() {
        return tags.stream().map(ProviderTag::provider).findFirst();
    }

    /**
     * 4xx, or with no basic code a 4.x.x status: the server asked to try again later. The basic code
     * decides when both are present, because it is what an SMTP client acts on (RFC 5321 §4.2.1).
     */
    public boolean isTransientFailure() {
        return replyCode.map(ReplyCode::isTransientFailure)
                .orElseGet(() -> status.map(EnhancedStatus::isTransientFailure).orElse(false));
    }

    public boolean isPermanentFailure() {
        return replyCode.map(ReplyCode::isPermanentFailure)
                .orElseGet(() -> status.map(EnhancedStatus::isPermanentFailure).orElse(false));
    }

    /** The classes of basic and enhanced code disagree (e.g. {@code 550 4.4.7}), which RFC 3463 §2 forbids. */
    public boolean hasClassMismatch() {
        return replyCode.isPresent() && status.isPresent()
                && replyCode.get().replyClass().digit() != status.get().statusClass().digit();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        replyCode.ifPresent(c -> sb.append(c).append(' '));
        status.ifPresent(s -> sb.append(s).append(' '));
        return sb.append(text()).toString().strip();
    }
}
