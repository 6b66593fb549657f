package org.maildoctor.auth.dmarc;

/** How much a finding matters. ERROR makes a record invalid; WARNING is worth fixing; INFO is advice. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
