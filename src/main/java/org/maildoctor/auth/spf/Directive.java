package org.maildoctor.auth.spf;

/**
 * {@code directive = [ qualifier ] mechanism} (RFC 7208 4.6.1). {@code text} is the term as
 * published, which reports quote back to the user.
 */
public record Directive(Qualifier qualifier, Mechanism mechanism, String text) {
}
