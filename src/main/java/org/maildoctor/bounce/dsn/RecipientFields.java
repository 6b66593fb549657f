package org.maildoctor.bounce.dsn;

/**
 * The per-recipient fields of RFC 3464 §2.3, values with their type prefix removed
 * ({@code rfc822; a@b} gives {@code a@b}); {@code diagnosticType} keeps the Diagnostic-Code's type
 * ({@code smtp}, {@code X-Postfix}, {@code X-Unix}). Empty strings where a field is absent.
 */
public record RecipientFields(String finalRecipient, String originalRecipient, String action, String status,
        String remoteMta, String diagnosticType, String diagnosticCode, String lastAttemptDate) {
}
