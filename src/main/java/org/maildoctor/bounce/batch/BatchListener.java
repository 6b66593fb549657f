package org.maildoctor.bounce.batch;

import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/** Receives what a batch finds, as it finds it, so results stream out and nothing piles up. */
public interface BatchListener {

    /** One per-recipient result of message {@code message} (1-based) of {@code source}. */
    void result(String source, long message, BounceResult result);

    /** A message that gave no result: not a bounce, or undecodable. */
    default void noResult(String source, long message, ParseOutcome outcome) {
    }

    /** Something odd but survivable about a source or one of its messages. */
    void warning(String source, String text);
}
