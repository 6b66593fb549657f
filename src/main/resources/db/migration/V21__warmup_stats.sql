-- Warm-up tracking (issue 8): per-mailbox per-day counters and the observations behind the
-- placement counts. One script for H2 2.x and PostgreSQL.
-- warmup_daily: one row per (mailbox, day); placement columns count the mailbox's own messages as
-- the receiving pool mailboxes found them, "received" counts warm-up mail that reached the mailbox.
CREATE TABLE warmup_daily (
    mailbox         VARCHAR(320) NOT NULL,
    stat_day        DATE         NOT NULL,
    sent            INT          DEFAULT 0 NOT NULL,
    received        INT          DEFAULT 0 NOT NULL,
    placed_inbox    INT          DEFAULT 0 NOT NULL,
    placed_spam     INT          DEFAULT 0 NOT NULL,
    placed_category INT          DEFAULT 0 NOT NULL,
    placed_other    INT          DEFAULT 0 NOT NULL,
    placed_missing  INT          DEFAULT 0 NOT NULL,
    replies         INT          DEFAULT 0 NOT NULL,
    bounces         INT          DEFAULT 0 NOT NULL,
    auth_failures   INT          DEFAULT 0 NOT NULL,
    PRIMARY KEY (mailbox, stat_day)
);

-- One row per warm-up message per receiving mailbox: the key that makes a repeated engagement
-- pass count nothing twice. stat_day is the day the message was first seen; later changes
-- (a reply, a late-found MISSING message) are booked on that day.
CREATE TABLE warmup_observation (
    receiver    VARCHAR(320)             NOT NULL,
    token       VARCHAR(255)             NOT NULL,
    sender      VARCHAR(320),
    stat_day    DATE                     NOT NULL,
    placement   VARCHAR(10)              NOT NULL,
    folder      VARCHAR(255),
    rescued     BOOLEAN                  NOT NULL,
    replied     BOOLEAN                  NOT NULL,
    auth_failed BOOLEAN                  NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (receiver, token)
);
CREATE INDEX warmup_observation_sender ON warmup_observation (sender, stat_day);
