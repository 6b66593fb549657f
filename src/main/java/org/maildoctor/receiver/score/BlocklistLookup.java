package org.maildoctor.receiver.score;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which the analysis asks blocklists about the client IP and the domains of From,
 * Return-Path and links. {@link CatalogueBlocklistLookup} implements it over the blocklist checker;
 * {@link #NONE} makes the score card say "not evaluated" instead of pretending a pass.
 */
public interface BlocklistLookup {

    /**
     * One listing: what is listed ({@code 203.0.113.9} or {@code example.com}), where, what the list
     * says, and where the sender asks for removal.
     */
    record Listing(String subject, String list, String meaning, String delisting) {
        public Listing {
            Objects.requireNonNull(subject);
            Objects.requireNonNull(list);
            Objects.requireNonNull(meaning);
            Objects.requireNonNull(delisting);
        }
    }

    /**
     * A list that could not say anything about the subject (timeout, query refused, a dead list):
     * neither a listing nor a clean bill.
     */
    record Unchecked(String subject, String list, String cause) {
        public Unchecked {
            Objects.requireNonNull(subject);
            Objects.requireNonNull(list);
            Objects.requireNonNull(cause);
        }
    }

    /**
     * What the lists said. "Not listed anywhere" is only true when {@code listings} and
     * {@code unchecked} are both empty and {@code asked} is positive.
     *
     * @param asked how many (list, subject) pairs were looked up
     */
    record Outcome(List<Listing> listings, List<Unchecked> unchecked, int asked) {
        public Outcome {
            listings = List.copyOf(listings);
            unchecked = List.copyOf(unchecked);
            if (asked < 0) {
                throw new IllegalArgumentException("asked must not be negative");
            }
        }
    }

    /** Never completes exceptionally for an unreachable list; that is an {@link Unchecked}. */
    CompletableFuture<Outcome> lookup(InetAddress clientIp, Collection<String> domains);

    /** Which lists are consulted, e.g. {@code zen.spamhaus.org}; empty for {@link #NONE}. */
    List<String> lists();

    /** No blocklist checker configured. */
    BlocklistLookup NONE = new BlocklistLookup() {
        @Override
        public CompletableFuture<Outcome> lookup(InetAddress clientIp, Collection<String> domains) {
            return CompletableFuture.completedFuture(new Outcome(List.of(), List.of(), 0));
        }

        @Override
        public List<String> lists() {
            return List.of();
        }
    };
}
