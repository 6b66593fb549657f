package org.maildoctor.auth.arc;

import java.util.Objects;
import org.maildoctor.auth.dkim.HeaderField;

/**
 * One ARC set (RFC 8617 4.1): the three header fields of one instance, exactly as they appear in the
 * message, and the parsed seal.
 */
public record ArcSet(int instance, HeaderField authenticationResults, HeaderField messageSignature, ArcSeal seal) {
    public ArcSet {
        Objects.requireNonNull(authenticationResults);
        Objects.requireNonNull(messageSignature);
        Objects.requireNonNull(seal);
    }
}
