package org.maildoctor.auth.dmarc;

import java.util.List;

/** The result of parsing one {@code rua}/{@code ruf} URI. */
public sealed interface ReportUriParse {

    List<DmarcFinding> findings();

    /** A usable URI; findings are advice (size suffix, unusual scheme). */
    record Valid(ReportUri uri, List<DmarcFinding> findings) implements ReportUriParse {
        public Valid {
            findings = List.copyOf(findings);
        }
    }

    /** Not a URI a receiver can use; {@code finding} is {@link FindingId#INVALID_URI}. */
    record Invalid(String text, DmarcFinding finding) implements ReportUriParse {
        @Override
        public List<DmarcFinding> findings() {
            return List.of(finding);
        }
    }
}
