/**
 * Inbox placement across seed mailboxes: a test message carrying a unique token goes to every
 * seed (sent by us or by the user), and each seed's folders are searched over IMAP until the
 * deadline. The core (folder roles, the polling policy, the per-provider tally) is pure; IMAP,
 * SMTP submission and the seed table are adapters ({@code adapter}, {@code jdbc}).
 * Seed credentials are sealed with the warm-up accounts' {@code CredentialCipher}.
 */
package org.maildoctor.placement;
