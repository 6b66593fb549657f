package org.maildoctor.auth.spf;

import org.maildoctor.dns.RecordType;

/**
 * One DNS question an evaluation asked, in order, with its outcome keyword ({@code answer},
 * {@code nxdomain}, {@code nodata}, {@code servfail}, {@code refused}, {@code timeout},
 * {@code unreachable}, or {@code pending} if it had not completed).
 */
public record SpfQuery(String name, RecordType type, String outcome) {
    @Override
    public String toString() {
        return name + "/" + type + " " + outcome;
    }
}
