/**
 * The deliverability-test receiver (issue 7 part 1): an SMTP listener (SubEthaSMTP, the maintained
 * Jakarta fork {@code com.github.davidmoten:subethasmtp}) that accepts mail only for issued,
 * unexpired {@code <token>@<test-domain>} addresses, writes every message durably (fsynced file and
 * the store) before answering 250, then scores it with {@code receiver.score} in the background.
 */
package org.maildoctor.receiver.server;
