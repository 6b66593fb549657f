/**
 * Persistence ports: {@link org.maildoctor.store.Store} and its repositories, with immutable record
 * values. Open with {@code Store.open(StoreConfig.of(dataDir, jdbcUrlOrNull))}: the embedded H2
 * database {@code <dataDir>/maildoctor.mv.db} (shareable between processes through H2's automatic
 * mixed mode) or PostgreSQL. Migrations live in {@code db/migration} and run on open.
 * The JDBC implementation is in {@code org.maildoctor.store.jdbc}; background jobs in
 * {@code org.maildoctor.store.jobs}. Nothing here depends on the CLI or the web layer.
 */
package org.maildoctor.store;
