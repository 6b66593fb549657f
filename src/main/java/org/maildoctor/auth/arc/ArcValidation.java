package org.maildoctor.auth.arc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.maildoctor.auth.dkim.DkimSignatureResult;

/**
 * The result of validating a message's ARC chain (RFC 8617 5.2).
 *
 * @param status                  {@code none} (no ARC sets), {@code pass} or {@code fail}
 * @param instances               N, the number of ARC sets (the highest instance seen); 0 for none
 * @param failedInstance          the instance that decided a fail; empty otherwise (and when none can be named)
 * @param reason                  why it failed; {@link ArcFailure#NONE} exactly when the status is not fail
 * @param explanation             one human sentence
 * @param oldestPass              for a pass, the lowest instance whose ARC-Message-Signature still verifies,
 *                                0 when all do (5.2 step 5)
 * @param newestMessageSignature  the DKIM engine's result for AMS(N), when it was verified
 */
public record ArcValidation(ChainStatus status, int instances, OptionalInt failedInstance, ArcFailure reason,
                            String explanation, OptionalInt oldestPass,
                            Optional<DkimSignatureResult> newestMessageSignature) {
    public ArcValidation {
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        if ((status == ChainStatus.FAIL) != (reason != ArcFailure.NONE)) {
            throw new IllegalArgumentException(status + " with reason " + reason);
        }
    }

    static ArcValidation none() {
        return new ArcValidation(ChainStatus.NONE, 0, OptionalInt.empty(), ArcFailure.NONE,
                "the message carries no ARC sets", OptionalInt.empty(), Optional.empty());
    }

    static ArcValidation fail(ArcFailure reason, int instance, int instances, String why,
                              Optional<DkimSignatureResult> ams) {
        return new ArcValidation(ChainStatus.FAIL, instances, instance > 0 ? OptionalInt.of(instance)
                : OptionalInt.empty(), reason, why, OptionalInt.empty(), ams);
    }

    /** A fail because a key could not be fetched: the chain may be fine; report it as unknown, not as bad. */
    public boolean temporary() {
        return reason == ArcFailure.KEY_TEMPORARY;
    }
}
