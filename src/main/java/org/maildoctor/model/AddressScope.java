package org.maildoctor.model;

/**
 * Where an IP address is routable, per the IANA special-purpose address registries (RFC 6890 and
 * successors). Anything but {@link #PUBLIC} must never be the target of a connection chosen by
 * outside data (an MX record, an SPF include) unless the user allowed it.
 */
public enum AddressScope {
    PUBLIC("a public address"),
    PRIVATE("a private address (RFC 1918 / RFC 4193)"),
    LOOPBACK("a loopback address"),
    LINK_LOCAL("a link-local address"),
    SHARED("a carrier-grade NAT address (RFC 6598)"),
    DOCUMENTATION("a documentation address (RFC 5737 / RFC 3849)"),
    MULTICAST("a multicast address"),
    UNSPECIFIED("the unspecified address"),
    RESERVED("a reserved address");

    private final String description;

    AddressScope(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }
}
