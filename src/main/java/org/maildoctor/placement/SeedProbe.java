package org.maildoctor.placement;

import java.util.Objects;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.engage.Placement;

/** Looks once into a seed mailbox for the message carrying a token. */
@FunctionalInterface
public interface SeedProbe {

    Result look(Seed seed, String token);

    /** When a message shows up in more than one folder, the most telling one is reported: lower ranks first. */
    static int rank(Placement p) {
        return switch (p) {
            case SPAM -> 0;
            case INBOX -> 1;
            case CATEGORY -> 2;
            case OTHER -> 3;
            case MISSING -> 4;
        };
    }

    /** What one look found. */
    sealed interface Result {
    }

    /** The message is in {@code folder}, which counts as {@code placement}. */
    record Found(String folder, Placement placement) implements Result {
        public Found {
            Objects.requireNonNull(folder);
            Objects.requireNonNull(placement);
        }
    }

    /** Logged in and searched every folder: not there (yet). */
    record NotFound() implements Result {
    }

    /** Could not look: the step that failed and why (never the secret). */
    record Failed(ConnectionStep step, String reason) implements Result {
        public Failed {
            Objects.requireNonNull(step);
            Objects.requireNonNull(reason);
        }
    }
}
