package org.maildoctor.auth.dkim;

/** Whether {@code bh=} matched the canonicalized body, reported apart from the header signature. */
public enum BodyHashCheck { MATCH, MISMATCH, NOT_CHECKED }
