package org.maildoctor.auth.dmarc;

/** The two report types a DMARC record can ask for. */
public enum ReportKind {
    /** {@code rua}: aggregate reports. */
    AGGREGATE("rua"),
    /** {@code ruf}: failure (forensic) reports. */
    FAILURE("ruf");

    private final String tag;

    ReportKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
