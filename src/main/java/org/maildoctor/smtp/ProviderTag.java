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

    /**
     * Written out, as the record's own would be: those are put together from method handles on first use (classes
     * generated at run time, at every run's start) and run as a chain of handles; a bounce parse hashes tags of
     * every reply.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderTag t && provider == t.provider && value.equals(t.value);
    }

    @Override
    public int hashCode() {
        return 31 * provider.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return provider.key() + ":" + value;
    }
}
