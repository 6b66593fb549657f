package org.maildoctor.blocklist;

import java.util.Objects;
import java.util.Optional;

/**
 * One documented answer of a list: the address (or, for a bitmask list, the bit value) and what it
 * means, with the sublist it stands for when the list is an aggregate (ZEN: SBL, CSS, XBL, PBL …).
 */
public record ReturnCode(String code, String meaning, Optional<String> sublist) {
    public ReturnCode {
        Objects.requireNonNull(code);
        Objects.requireNonNull(meaning);
        sublist = Objects.requireNonNullElse(sublist, Optional.empty());
    }
}
