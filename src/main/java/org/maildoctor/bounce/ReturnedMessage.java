package org.maildoctor.bounce;

/** The headers of the message that bounced, as far as the bounce returned them; empty strings when absent. */
public record ReturnedMessage(String messageId, String from, String to, String subject) {

    public static final ReturnedMessage NONE = new ReturnedMessage("", "", "", "");

    public ReturnedMessage {
        messageId = messageId == null ? "" : messageId;
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        subject = subject == null ? "" : subject;
    }
}
