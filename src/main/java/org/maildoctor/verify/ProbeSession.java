package org.maildoctor.verify;

import java.util.List;

/** An open SMTP session after MAIL FROM: many RCPT TO, RSET between transactions, QUIT on close. */
public interface ProbeSession extends AutoCloseable {

    /** {@code RCPT TO:<address>}. */
    Step rcpt(String address);

    /**
     * RCPT TO for each address, one reply per address in order. Sessions whose server offers
     * PIPELINING (RFC 2920) send them all in one write and then read the replies, which saves a
     * round trip per address; the default asks one after the other.
     */
    default List<Step> rcptAll(List<String> addresses) {
        List<Step> out = new java.util.ArrayList<>(addresses.size());
        for (String a : addresses) {
            Step step = rcpt(a);
            out.add(step);
            if (step instanceof Step.Failed) {
                while (out.size() < addresses.size()) {
                    out.add(step);
                }
                break;
            }
        }
        return out;
    }

    /** {@code RSET} then {@code MAIL FROM} again: a fresh transaction on the same connection. */
    Step reset();

    /** The conversation so far (commands prefixed {@code C:}, replies {@code S:}). */
    List<String> transcript();

    /** Clears the transcript, so each address can get its own part of a shared session. */
    void clearTranscript();

    /** {@code QUIT} (best effort) and closes the connection. Never DATA. */
    @Override
    void close();

    /** The reply to a command, or why there was none. */
    sealed interface Step {
        record Reply(org.maildoctor.smtp.SmtpReply reply) implements Step {
        }

        record Failed(ProbeFailure failure) implements Step {
        }
    }
}
