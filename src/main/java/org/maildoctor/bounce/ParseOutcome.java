package org.maildoctor.bounce;

import java.util.List;

/**
 * What {@link BounceParser#parse(byte[])} found: results, a message that is no bounce (ordinary mail
 * gives no result, not a guess), or input that could not be decoded at all. Never an exception.
 */
public sealed interface ParseOutcome {

    /** At least one result; {@code dialect} names the decoder, {@code warnings} what was odd but survivable. */
    record Bounces(List<BounceResult> results, String dialect, List<String> warnings) implements ParseOutcome {
        public Bounces {
            results = List.copyOf(results);
            warnings = List.copyOf(warnings);
            if (results.isEmpty()) {
                throw new IllegalArgumentException("Bounces needs at least one result; use NotABounce");
            }
        }
    }

    /** A readable message that is not a bounce, feedback report or auto-reply. */
    record NotABounce(String reason) implements ParseOutcome {
    }

    /** Bytes that could not be read as a message (empty, binary, broken beyond repair). */
    record Undecodable(String reason) implements ParseOutcome {
    }

    default List<BounceResult> results() {
        return this instanceof Bounces b ? b.results() : List.of();
    }
}
