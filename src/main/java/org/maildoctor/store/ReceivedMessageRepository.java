package org.maildoctor.store;

import java.util.List;
import java.util.Optional;

/** Messages received for deliverability tests. */
public interface ReceivedMessageRepository {

    /** Stores the envelope and raw bytes (committed when this returns); returns the new id. */
    long save(ReceivedMessage message, byte[] raw);

    /** One message to store: the envelope and its raw bytes. */
    record Incoming(ReceivedMessage message, byte[] raw) {
    }

    /**
     * Stores several messages in one transaction, committed when this returns (group commit: one
     * commit for the messages that arrived together); the ids in the order given. All or nothing.
     */
    default List<Long> saveAll(List<Incoming> messages) {
        return messages.stream().map(m -> save(m.message(), m.raw())).toList();
    }

    /** Records the analysis of message {@code id}. */
    void saveReport(long id, double score, String reportJson);

    /** One analysis to record. */
    record Report(long id, double score, String reportJson) {
    }

    /**
     * Records several analyses in one transaction (one commit instead of one per message: with the
     * embedded database each commit writes the changed pages, which was a quarter of the receiver's
     * CPU per message). All or nothing.
     */
    default void saveReports(List<Report> reports) {
        for (Report r : reports) {
            saveReport(r.id(), r.score(), r.reportJson());
        }
    }

    /** The messages received for a token, oldest first (without raw bytes). */
    List<ReceivedMessage> forToken(String token);

    Optional<ReceivedMessage> find(long id);

    Optional<byte[]> raw(long id);

    /** Whether a message stored from this file exists (for recovery of files written before a crash). */
    boolean existsForPath(String rawPath);

    long count();
}
