package org.maildoctor.smtp;

/** What {@link SmtpReplyParser} made of some text: a reply, or a plain reason why it is not one. */
public sealed interface ReplyParseResult {

    record Parsed(SmtpReply reply) implements ReplyParseResult {
        public Parsed {
            if (reply == null) {
                throw new IllegalArgumentException("reply is required");
            }
        }
    }

    record NotAReply(String reason) implements ReplyParseResult {
        public NotAReply {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason is required");
            }
        }
    }
}
