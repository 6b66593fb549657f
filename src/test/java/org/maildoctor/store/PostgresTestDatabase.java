package org.maildoctor.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away schema on the test PostgreSQL server (127.0.0.1:5432, database {@code test}, trust
 * auth; override with -Dmaildoctor.test.pg=jdbc:postgresql://...), so parallel runs never share tables.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    public static final String BASE_URL = System.getProperty("maildoctor.test.pg",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema;

    private PostgresTestDatabase(String schema) {
        this.schema = schema;
    }

    public static PostgresTestDatabase create() throws SQLException {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        String schema = "md_test_" + HexFormat.of().formatHex(b);
        execute("CREATE SCHEMA " + schema);
        return new PostgresTestDatabase(schema);
    }

    /** A URL whose connections use only this schema. */
    public String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "connectTimeout=5");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
