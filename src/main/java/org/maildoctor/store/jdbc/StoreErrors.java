package org.maildoctor.store.jdbc;

import java.sql.SQLException;
import org.maildoctor.store.StoreException;

/** Turns driver exceptions into one-line messages that say which database and what to do. */
final class StoreErrors {
    // org.h2.api.ErrorCode values, spelled out so the message logic does not depend on H2 classes
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_ENCRYPTION_ERROR = 90049;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_GENERAL_ERROR = 50000;

    private StoreErrors() {
    }

    /** A failure while opening (connecting, migrating). */
    static StoreException onOpen(Throwable t, DatabaseTarget target) {
        if (t instanceof StoreException se) {
            return se;
        }
        SQLException sql = findSql(t);
        String detail = firstLine(sql != null ? sql.getMessage() : t.getMessage());
        if (target.vendor() == DatabaseTarget.Vendor.H2 && sql != null) {
            String where = target.h2File() != null ? "database file " + target.h2File() : target.description();
            switch (sql.getErrorCode()) {
                case H2_FILE_CORRUPTED, H2_FILE_VERSION_ERROR, H2_FILE_ENCRYPTION_ERROR -> {
                    return new StoreException(where + " is corrupt or not an H2 database: " + detail, t);
                }
                case H2_DATABASE_ALREADY_OPEN -> {
                    return new StoreException(where + " is locked: another process holds it and does not share it"
                            + " (stop that process, or use the same maildoctor version everywhere): " + detail, t);
                }
                case H2_IO_EXCEPTION -> {
                    if (causedBy(sql, "java.nio.file.AccessDeniedException") || detailOf(sql).contains("Permission denied")) {
                        return new StoreException("cannot read " + where + ": permission denied", t);
                    }
                    // an existing file that MVStore cannot read through (e.g. truncated) is damaged
                    if (causedBy(sql, "org.h2.mvstore.MVStoreException")) {
                        return new StoreException(where + " is corrupt or not an H2 database: " + detail, t);
                    }
                }
                case H2_GENERAL_ERROR -> {
                    if (looksCorrupt(sql)) {
                        return new StoreException(where + " is corrupt or not an H2 database: " + detail, t);
                    }
                }
                default -> {
                }
            }
            return new StoreException("cannot open " + where + ": " + detail, t);
        }
        if (target.vendor() == DatabaseTarget.Vendor.POSTGRESQL && sql != null && sql.getSQLState() != null) {
            String at = "PostgreSQL at " + target.hostPort();
            String state = sql.getSQLState();
            if (state.equals("28P01")) {
                return new StoreException(at + " rejected the password (" + detail + ")", t);
            }
            if (state.startsWith("28")) {
                return new StoreException(at + " rejected the login: " + detail, t);
            }
            if (state.equals("3D000")) {
                return new StoreException(at + ": " + detail, t);
            }
            if (state.startsWith("08")) {
                return new StoreException("cannot connect to " + at + ": " + detail, t);
            }
        }
        return new StoreException("cannot open database " + target.description() + ": " + detail, t);
    }

    /** A failure of a statement on an open store. */
    static StoreException translate(SQLException e, String description) {
        return new StoreException("database " + description + " failed: " + firstLine(e.getMessage()), e);
    }

    private static boolean looksCorrupt(SQLException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("corrupt") || m.contains("file header") || m.contains("not a valid")) {
                return true;
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable t, String className) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().equals(className)) {
                return true;
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return false;
    }

    private static String detailOf(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
            if (c == c.getCause()) {
                break;
            }
        }
        return sb.toString();
    }

    private static SQLException findSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return null;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
