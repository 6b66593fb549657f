package org.maildoctor.audit;

import java.util.List;
import java.util.Map;

/**
 * A checklist read off the other sections' checks once they are done (no DNS queries of its own),
 * such as the mailbox providers' bulk-sender requirements. Its checks are shown and listed in JSON
 * but do not count towards the grade: the underlying checks already do.
 */
public interface ChecklistSection {
    String name();

    /** @param done the graded sections' checks, by section name */
    List<AuditCheck> derive(AuditRequest request, Map<String, List<AuditCheck>> done);
}
