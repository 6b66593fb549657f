package org.maildoctor.bounce.mime;

import java.util.List;
import org.maildoctor.text.Latin1Search;

/**
 * A message decoded for bounce reading: its headers, the human-readable notice text (all text parts
 * outside the returned message, decoded to Unicode), the machine-readable report parts, and the
 * returned message. Line ends are LF throughout.
 *
 * @param text            the notice: decoded text/plain parts (text/html as text when there is no plain part)
 * @param deliveryStatus  bodies of message/delivery-status and message/global-delivery-status parts (RFC 3464, RFC 6533)
 * @param feedbackReport  the body of a message/feedback-report part (RFC 5965), or empty
 * @param returnedHeaders the returned message's headers (message/rfc822 or text/rfc822-headers part), possibly empty
 * @param returnedText    the returned message or its headers as text, or empty
 * @param contentType     the top-level Content-Type, lower-cased, parameters included
 */
public record Mail(Headers headers, String text, List<String> deliveryStatus, String feedbackReport,
        Headers returnedHeaders, String returnedText, String contentType, List<String> warnings) {

    public Mail {
        text = text == null ? "" : text;
        deliveryStatus = List.copyOf(deliveryStatus);
        feedbackReport = feedbackReport == null ? "" : feedbackReport;
        returnedHeaders = returnedHeaders == null ? Headers.EMPTY : returnedHeaders;
        returnedText = returnedText == null ? "" : returnedText;
        contentType = contentType == null ? "" : contentType;
        warnings = List.copyOf(warnings);
    }

    public String from() {
        return headers.get("From");
    }

    public String subject() {
        return headers.get("Subject");
    }

    /** {@code text().contains(literal)}, faster when the text is asked about again ({@link Latin1Search}). */
    public boolean textContains(String literal) {
        return Latin1Search.contains(text, literal);
    }
}
