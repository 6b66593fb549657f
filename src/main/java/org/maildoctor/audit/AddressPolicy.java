package org.maildoctor.audit;

import java.net.InetAddress;
import org.maildoctor.model.AddressScope;
import org.maildoctor.model.IpRanges;

/**
 * Whether private, loopback and reserved addresses count as acceptable targets. Production mail
 * never has MX hosts there; the test harness does, hence {@code --allow-private}.
 */
public record AddressPolicy(boolean allowPrivate) {
    public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false);
    public static final AddressPolicy ALLOW_PRIVATE = new AddressPolicy(true);

    public boolean acceptable(InetAddress address) {
        return allowPrivate || IpRanges.scope(address).isPublic();
    }

    public static AddressScope scope(InetAddress address) {
        return IpRanges.scope(address);
    }
}
