package org.maildoctor.warmup.engage;

import java.util.Optional;

/** What an IMAP folder is for, after RFC 6154 SPECIAL-USE and the names providers give their folders. */
public enum FolderRole {
    INBOX(Placement.INBOX),
    JUNK(Placement.SPAM),
    /** Gmail's Promotions / Updates / Social / Forums and similar provider tabs. */
    CATEGORY(Placement.CATEGORY),
    ARCHIVE(Placement.OTHER),
    /** A user's own folder: a rule may have filed warm-up mail there. */
    OTHER(Placement.OTHER),
    /** Holds only our own sent mail or copies: never scanned (\Sent, \Drafts, \Trash, \All, \Flagged, Outbox…). */
    SKIP(null);

    private final Placement placement;

    FolderRole(Placement placement) {
        this.placement = placement;
    }

    /** The placement of a message found there; empty for folders that are not scanned. */
    public Optional<Placement> placement() {
        return Optional.ofNullable(placement);
    }

    public boolean scanned() {
        return placement != null;
    }
}
