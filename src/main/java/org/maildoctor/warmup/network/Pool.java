package org.maildoctor.warmup.network;

import java.util.List;

/**
 * The mailboxes a sender's warm-up mail goes to: only its owner's own mailboxes ({@link Scope#OWN}),
 * or every participating mailbox of the installation ({@link Scope#SHARED}).
 */
public record Pool(Scope scope, List<PoolMember> members) {
    public enum Scope { OWN, SHARED }

    public Pool {
        members = List.copyOf(members);
    }

    /** Who {@code sender} may write to: never itself; in an own pool only mailboxes of the same owner. */
    public List<PoolMember> candidatesFor(PoolMember sender) {
        return members.stream()
                .filter(m -> !m.address().equalsIgnoreCase(sender.address()))
                .filter(m -> scope == Scope.SHARED || m.owner().equals(sender.owner()))
                .toList();
    }
}
