package org.maildoctor.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.ReceivedMessageRepository;

final class JdbcReceivedMessageRepository implements ReceivedMessageRepository {
    private static final String COLUMNS = "id, token, received_at, client_ip, helo, mail_from, recipients, tls, "
            + "size_bytes, raw_path, score, report, analyzed_at";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcReceivedMessageRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String INSERT = "INSERT INTO received_message (token, received_at, client_ip, helo, "
            + "mail_from, recipients, tls, size_bytes, raw_path, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public long save(ReceivedMessage m, byte[] raw) {
        return jdbc.insertReturningId(INSERT, ps -> bindNew(ps, new Incoming(m, raw)));
    }

    @Override
    public List<Long> saveAll(List<Incoming> messages) {
        return jdbc.insertAllReturningIds(INSERT, messages, JdbcReceivedMessageRepository::bindNew);
    }

    private static void bindNew(java.sql.PreparedStatement ps, Incoming in) throws SQLException {
        ReceivedMessage m = in.message();
        ps.setString(1, m.token());
        Jdbc.setInstant(ps, 2, Jdbc.truncate(m.receivedAt()));
        ps.setString(3, m.clientIp());
        ps.setString(4, cut(m.helo(), 1000));
        ps.setString(5, cut(m.mailFrom(), 1000));
        ps.setString(6, cut(String.join("\n", m.recipients()), 10000));
        ps.setBoolean(7, m.tls());
        ps.setLong(8, m.sizeBytes());
        ps.setString(9, m.rawPath());
        ps.setBytes(10, in.raw());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void saveReport(long id, double score, String reportJson) {
        jdbc.update("UPDATE received_message SET score = ?, report = ?, analyzed_at = ? WHERE id = ?", ps -> {
            ps.setDouble(1, score);
            ps.setString(2, reportJson);
            Jdbc.setInstant(ps, 3, Jdbc.truncate(clock.instant()));
            ps.setLong(4, id);
        });
    }

    @Override
    public void saveReports(List<Report> reports) {
        Instant now = Jdbc.truncate(clock.instant());
        jdbc.batch("UPDATE received_message SET score = ?, report = ?, analyzed_at = ? WHERE id = ?", reports,
                (ps, r) -> {
                    ps.setDouble(1, r.score());
                    ps.setString(2, r.reportJson());
                    Jdbc.setInstant(ps, 3, now);
                    ps.setLong(4, r.id());
                });
    }

    @Override
    public List<ReceivedMessage> forToken(String token) {
        return jdbc.query("SELECT " + COLUMNS + " FROM received_message WHERE token = ? ORDER BY received_at, id",
                ps -> ps.setString(1, token), JdbcReceivedMessageRepository::map);
    }

    @Override
    public Optional<ReceivedMessage> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM received_message WHERE id = ?", ps -> ps.setLong(1, id),
                JdbcReceivedMessageRepository::map);
    }

    @Override
    public Optional<byte[]> raw(long id) {
        return jdbc.queryOne("SELECT raw FROM received_message WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> rs.getBytes(1));
    }

    @Override
    public boolean existsForPath(String rawPath) {
        return jdbc.queryOne("SELECT id FROM received_message WHERE raw_path = ?", ps -> ps.setString(1, rawPath),
                rs -> rs.getLong(1)).isPresent();
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM received_message", ps -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    private static ReceivedMessage map(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        boolean analysed = !rs.wasNull();
        String recipients = rs.getString("recipients");
        return new ReceivedMessage(rs.getLong("id"), rs.getString("token"), Jdbc.getInstant(rs, "received_at"),
                rs.getString("client_ip"), rs.getString("helo"), rs.getString("mail_from"),
                recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split("\n")), rs.getBoolean("tls"),
                rs.getLong("size_bytes"), rs.getString("raw_path"), analysed ? Optional.of(score) : Optional.empty(),
                Optional.ofNullable(rs.getString("report")),
                Optional.ofNullable(Jdbc.getInstant(rs, "analyzed_at")));
    }

}
