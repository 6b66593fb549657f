-- Bulk recipient verification (issue 6). One script for H2 2.x and PostgreSQL.
-- A bulk job is a row of "job" (kind 'verify') plus this row, found again by job_key (a hash of
-- the input path, size, column and first megabyte), so the same command resumes after a crash.
CREATE TABLE verification_job (
    job_id      BIGINT        NOT NULL PRIMARY KEY REFERENCES job (id),
    job_key     VARCHAR(64)   NOT NULL UNIQUE,
    description VARCHAR(4000) NOT NULL
);

-- One row per input row; the primary key makes "exactly one result per row" a database fact.
CREATE TABLE verification_result (
    job_id      BIGINT        NOT NULL REFERENCES job (id),
    row_no      BIGINT        NOT NULL,
    address     VARCHAR(1000) NOT NULL,
    verdict     VARCHAR(20)   NOT NULL,
    reason      VARCHAR(40)   NOT NULL,
    sub_reason  VARCHAR(1000),
    flags       VARCHAR(200),
    suggestion  VARCHAR(1000),
    mx          VARCHAR(255),
    reply_code  INT,
    status      VARCHAR(20),
    smtp_text   VARCHAR(1000),
    PRIMARY KEY (job_id, row_no)
);
