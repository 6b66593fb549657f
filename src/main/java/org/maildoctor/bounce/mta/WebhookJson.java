package org.maildoctor.bounce.mta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A webhook or API body instead of a message: Amazon SES notifications (bare or in an SNS envelope)
 * and SendGrid events or bounce lists. Returns the sender's name and what it reported.
 */
public final class WebhookJson {

    /** What a JSON body reported; {@code findings} is empty when it is no known delivery event. */
    public record Decoded(String dialect, List<Finding> findings) {
    }

    private WebhookJson() {
    }

    public static Decoded decode(String json) {
        JsonNode n;
        try {
            n = JsonTree.read(json);
        } catch (Exception e) {
            return new Decoded("", List.of());
        }
        if (n == null) {
            return new Decoded("", List.of());
        }
        if (SendGridJson.isSendGrid(n)) {
            return new Decoded("SendGrid", SendGridJson.decode(n));
        }
        return new Decoded("AmazonSES", n.isObject() ? AmazonSesJson.decodeJson(json) : List.of());
    }
}
