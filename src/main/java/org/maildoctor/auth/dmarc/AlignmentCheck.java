package org.maildoctor.auth.dmarc;

/** The alignment of one identifier with the From domain, and why. */
public record AlignmentCheck(AuthenticatedIdentifier identifier, AlignmentMode mode, AlignmentVerdict verdict,
                             String explanation) {
}
