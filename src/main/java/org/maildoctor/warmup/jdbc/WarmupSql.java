package org.maildoctor.warmup.jdbc;

import java.sql.SQLException;
import org.maildoctor.store.StoreException;

/** What the warm-up tables' repositories share. */
final class WarmupSql {
    static final String UNIQUE_VIOLATION = "23505";

    private WarmupSql() {
    }

    /** Addresses compare case-insensitively in practice; store one spelling. */
    static String normalise(String address) {
        return org.maildoctor.store.jdbc.MailboxTable.normalise(address);
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException(what + ": database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
