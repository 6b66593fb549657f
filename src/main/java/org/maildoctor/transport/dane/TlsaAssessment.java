package org.maildoctor.transport.dane;

import java.util.ArrayList;
import java.util.List;
import org.maildoctor.dns.DnsRecord;

/**
 * Reads one TLSA record (RFC 6698 §2.1) for SMTP (RFC 7672): the field values it uses and the problems
 * that make a sender ignore it. Whether the records are DNSSEC-authenticated is the resolver's call
 * (its AD bit); this only judges the record's content.
 */
public record TlsaAssessment(DnsRecord.Tlsa record, String usageName, String selectorName, String matchingName,
                             List<String> problems, List<String> warnings) {
    public TlsaAssessment {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean usable() {
        return problems.isEmpty();
    }

    public static TlsaAssessment of(DnsRecord.Tlsa r) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String usage = switch (r.usage()) {
            case 0 -> "PKIX-TA";
            case 1 -> "PKIX-EE";
            case 2 -> "DANE-TA";
            case 3 -> "DANE-EE";
            default -> "unassigned(" + r.usage() + ")";
        };
        if (r.usage() > 3) {
            problems.add("certificate usage " + r.usage() + " is not assigned");
        } else if (r.usage() < 2) {
            // RFC 7672 §3.1.3: SMTP clients treat PKIX-TA/PKIX-EE records as unusable
            problems.add("usage " + usage + " is unusable for SMTP (RFC 7672 §3.1.3); use 3 (DANE-EE) or 2 (DANE-TA)");
        }
        String selector = switch (r.selector()) {
            case 0 -> "Cert";
            case 1 -> "SPKI";
            default -> "unassigned(" + r.selector() + ")";
        };
        if (r.selector() > 1) {
            problems.add("selector " + r.selector() + " is not assigned");
        }
        String matching = switch (r.matchingType()) {
            case 0 -> "Full";
            case 1 -> "SHA2-256";
            case 2 -> "SHA2-512";
            default -> "unassigned(" + r.matchingType() + ")";
        };
        int bytes = r.dataHex().length() / 2;
        switch (r.matchingType()) {
            case 0 -> {
                if (bytes == 0) {
                    problems.add("matching type Full with no association data");
                } else {
                    warnings.add("matching type 0 (Full) publishes the whole certificate or key; RFC 7671 §10.1.2 "
                            + "recommends SHA2-256 (1)");
                }
            }
            case 1 -> {
                if (bytes != 32) {
                    problems.add("a SHA2-256 digest is 32 bytes, this one is " + bytes);
                }
            }
            case 2 -> {
                if (bytes != 64) {
                    problems.add("a SHA2-512 digest is 64 bytes, this one is " + bytes);
                }
            }
            default -> problems.add("matching type " + r.matchingType() + " is not assigned");
        }
        return new TlsaAssessment(r, usage, selector, matching, problems, warnings);
    }
}
