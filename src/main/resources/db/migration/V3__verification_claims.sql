-- Bulk verification, per-row claims and shared per-MX limits (issue 6). One script for H2 2.x and PostgreSQL.
-- Every input row is imported once into verification_row; a worker claims rows (PENDING -> CLAIMED,
-- PostgreSQL: FOR UPDATE SKIP LOCKED, so two workers never take the same row) just before probing and
-- marks each DONE in the same transaction that stores its result. A CLAIMED row without a result
-- after a crash is one whose probe was in flight at that instant.
CREATE TABLE verification_row (
    job_id      BIGINT                   NOT NULL REFERENCES job (id),
    row_no      BIGINT                   NOT NULL,
    address     VARCHAR(1000)            NOT NULL,
    state       VARCHAR(10)              NOT NULL,
    claimed_by  VARCHAR(100),
    claimed_at  TIMESTAMP WITH TIME ZONE,
    claims      INT                      NOT NULL,
    PRIMARY KEY (job_id, row_no)
);
CREATE INDEX verification_row_state ON verification_row (job_id, state, row_no);

-- Per-MX session slots shared by every node: slot 0..limit-1 of a host is held by one session at a
-- time; a lease that is not renewed expires, so a crashed node does not hold it for ever.
CREATE TABLE verification_mx_lease (
    mx_host     VARCHAR(255)             NOT NULL,
    slot        INT                      NOT NULL,
    holder      VARCHAR(100),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mx_host, slot)
);
