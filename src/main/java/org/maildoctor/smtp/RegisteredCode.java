package org.maildoctor.smtp;

/**
 * One row of the IANA "SMTP Enhanced Status Codes" registry (RFC 5248), enumerated-codes table.
 * {@code code} is written with an {@code X} class, e.g. {@code X.1.1}.
 */
public record RegisteredCode(String code, String sampleText, String basicCodes, String description, String reference) {
    public RegisteredCode {
        if (EnhancedStatus.registryKeyOf(code).filter(code::equals).isEmpty()) {
            throw new IllegalArgumentException("not a registry code: " + code);
        }
    }

    /** RFC 6531 registered X.6.10 by mistake; the registry keeps it as a deprecated duplicate of X.6.8. */
    public boolean isDeprecated() {
        return description.toLowerCase(java.util.Locale.ROOT).contains("deprecated");
    }
}
