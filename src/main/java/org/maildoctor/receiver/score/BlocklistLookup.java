package org.maildoctor.receiver.score;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which the analysis asks blocklists about the client IP and the domains of From,
 * Return-Path and links. The blocklist checker (its own capability) implements it; until one is
 * wired in, {@link #NONE} makes the score card say "not evaluated" instead of pretending a pass.
 */
public interface BlocklistLookup {

    /** One listing: what is listed ({@code 203.0.113.9} or {@code example.com}), where, and what the list says. */
    record Listing(String subject, String list, String meaning) {
    }

    /** The listings found; an empty list means none of the lists consulted lists any of them. */
    CompletableFuture<List<Listing>> listings(InetAddress clientIp, Collection<String> domains);

    /** Which lists are consulted, e.g. {@code zen.spamhaus.org}; empty for {@link #NONE}. */
    List<String> lists();

    /** No blocklist checker configured. */
    BlocklistLookup NONE = new BlocklistLookup() {
        @Override
        public CompletableFuture<List<Listing>> listings(InetAddress clientIp, Collection<String> domains) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public List<String> lists() {
            return List.of();
        }
    };
}
