package org.maildoctor.auth.dmarc;

/**
 * Looks up the organizational domain of an identifier's domain for relaxed alignment. The evaluator
 * takes it as a plain function so it stays pure: {@link DmarcDiscovery} fills it from DNS tree walks,
 * tests from a table.
 */
@FunctionalInterface
public interface OrganizationalDomains {
    OrganizationalDomain of(String domain);
}
