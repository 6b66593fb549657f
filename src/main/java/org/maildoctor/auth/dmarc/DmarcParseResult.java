package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a DMARC record (or the TXT set at {@code _dmarc.<domain>}) gave.
 *
 * <p>Two questions have separate answers here. Is the record correct as published? ({@link Valid}
 * vs {@link Invalid}: an ERROR finding makes it invalid.) And what would an RFC 9989 receiver
 * apply? ({@link #effectiveRecord()}: RFC 9989 §4.8 discards syntax errors in favour of defaults,
 * and §4.10.1 turns an invalid {@code p}/{@code sp}/{@code np} into {@code p=none} when a valid
 * {@code rua} exists, or into no DMARC processing at all when none does.)
 */
public sealed interface DmarcParseResult {

    List<DmarcFinding> findings();

    /** The record a receiver would apply; empty when it would apply no DMARC processing. */
    Optional<DmarcRecord> effectiveRecord();

    /** A correct record; findings are warnings and advice only. */
    record Valid(DmarcRecord record, List<DmarcFinding> findings) implements DmarcParseResult {
        public Valid {
            findings = List.copyOf(findings);
        }

        @Override
        public Optional<DmarcRecord> effectiveRecord() {
            return Optional.of(record);
        }
    }

    /** A record with at least one ERROR finding. */
    record Invalid(String text, List<DmarcFinding> findings, Optional<DmarcRecord> effectiveRecord)
            implements DmarcParseResult {
        public Invalid {
            findings = List.copyOf(findings);
            if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
                throw new IllegalArgumentException("an Invalid result carries at least one ERROR finding");
            }
        }
    }

    /** Nothing at {@code _dmarc.<domain>} is a DMARC record (no TXT at all, or only unrelated TXT). */
    record Absent(List<DmarcFinding> findings) implements DmarcParseResult {
        public Absent {
            findings = List.copyOf(findings);
        }

        @Override
        public Optional<DmarcRecord> effectiveRecord() {
            return Optional.empty();
        }
    }
}
