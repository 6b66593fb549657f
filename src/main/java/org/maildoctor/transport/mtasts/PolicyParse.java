package org.maildoctor.transport.mtasts;

import java.util.List;
import java.util.Optional;

/**
 * The result of parsing a policy file: the policy when it is usable, the errors that make it unusable,
 * and warnings that do not (e.g. mixed line endings, a short max_age).
 */
public record PolicyParse(Optional<MtaStsPolicy> policy, List<String> errors, List<String> warnings) {
    public PolicyParse {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (policy.isPresent() != errors.isEmpty()) {
            throw new IllegalArgumentException("a policy is present exactly when there are no errors");
        }
    }
}
