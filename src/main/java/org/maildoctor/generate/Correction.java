package org.maildoctor.generate;

import java.util.List;

/**
 * A corrected record for a domain whose published one is wrong or missing.
 *
 * @param changes what differs from what is published, in plain words
 * @param notes   caveats and next steps
 */
public record Correction(TxtRecord record, List<String> changes, List<String> notes) {
    public Correction {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }
}
