package org.maildoctor.warmup.account;

/** Tests a mailbox's servers step by step (the IMAP/SMTP {@code ConnectionTester} in production). */
@FunctionalInterface
public interface ConnectionCheck {
    ConnectionReport test(WarmupAccount account, Secret secret);
}
