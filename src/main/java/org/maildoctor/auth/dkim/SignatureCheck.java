package org.maildoctor.auth.dkim;

/** Whether {@code b=} verified over the header hash with the published key. */
public enum SignatureCheck { VALID, INVALID, NOT_CHECKED }
