package org.maildoctor.warmup.engine;

import java.time.LocalDate;
import java.util.List;
import org.maildoctor.warmup.network.WarmupMessage;

/** Who receives a warm-up message and what it says (the network part: pairing and composition). */
public interface Network {

    /** The pool mailbox receiving the {@code seq}-th message of {@code sender} on {@code day}; never the sender. */
    String recipient(String sender, List<String> pool, LocalDate day, int seq);

    /** A new thread from {@code from} to {@code to}; the same seed gives the same message (Message-ID and token included). */
    WarmupMessage compose(String from, String to, long seed);
}
