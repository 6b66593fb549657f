package org.maildoctor.smtp;

/**
 * A provider's own code inside reply text: Yahoo's {@code [TSS04]}, Microsoft's
 * {@code RESOLVER.ADR.RecipientNotFound} or {@code (S3150)}, Gmail's {@code gsmtp} trailer or the
 * {@code ?p=NoSuchUser} name of its support link.
 */
public record ProviderTag(Provider provider, String value) {
    public ProviderTag {
        if (provider == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("provider and value are required");
        }
    }

    @Override
    public String toString() {
        return provider.key() + ":" + value;
    }
}
