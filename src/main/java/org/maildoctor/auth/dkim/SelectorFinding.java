package org.maildoctor.auth.dkim;

/** What {@link DkimSelectorProbe} learned about one selector. */
public sealed interface SelectorFinding {
    String selector();

    /** {@code selector._domainkey.domain}. */
    String name();

    String explanation();

    /** A usable key. */
    record Found(String selector, String name, DkimAlgorithm.KeyType keyType, int bits, KeyGrade grade,
                 boolean testing, String record, String explanation) implements SelectorFinding {
    }

    /** A key record with an empty {@code p=}. */
    record Revoked(String selector, String name, String record, String explanation) implements SelectorFinding {
    }

    /** A TXT record that is not a usable DKIM key (bad syntax, not a key, unknown type). */
    record Invalid(String selector, String name, FailureReason reason, String record, String explanation)
            implements SelectorFinding {
    }

    /** NXDOMAIN or no TXT record: nothing published under this selector. */
    record Absent(String selector, String name, String explanation) implements SelectorFinding {
    }

    /** DNS did not answer (timeout, SERVFAIL …): we cannot say whether a key exists. Never reported as absent. */
    record Unknown(String selector, String name, String explanation) implements SelectorFinding {
    }
}
