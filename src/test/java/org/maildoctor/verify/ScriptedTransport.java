package org.maildoctor.verify;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.maildoctor.smtp.SmtpReplyParser;

/**
 * An in-memory SMTP server for the prober's policy tests: RCPT answers come from a function of the
 * address; it can refuse connections to named hosts, limit recipients per transaction (452 4.5.3)
 * and hang up after a number of rejected recipients, like Postfix's error limits.
 */
public final class ScriptedTransport implements ProbeTransport {
    final List<String> opened = new CopyOnWriteArrayList<>();
    final List<String> rcpts = new CopyOnWriteArrayList<>();
    final List<String> refusedHosts = new ArrayList<>();
    int maxRcptsPerTransaction = Integer.MAX_VALUE;
    int hangUpAfterErrors = Integer.MAX_VALUE;
    private final Function<String, String> answers;

    public ScriptedTransport(Function<String, String> answers) {
        this.answers = answers;
    }

    public static ScriptedTransport of(Map<String, String> byAddress, String otherwise) {
        Map<String, String> copy = new HashMap<>(byAddress);
        return new ScriptedTransport(a -> copy.getOrDefault(a, otherwise));
    }

    @Override
    public Opened open(String host, InetAddress address) {
        opened.add(host);
        if (refusedHosts.contains(host)) {
            return new Opened.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "connection refused"), true, List.of());
        }
        return new Opened.Ready(new Session());
    }

    private final class Session implements ProbeSession {
        private final List<String> transcript = new ArrayList<>();
        private int inTransaction;
        private int errors;
        private boolean closed;

        @Override
        public Step rcpt(String address) {
            if (closed) {
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "connection closed by the server"));
            }
            transcript.add("C: RCPT TO:<" + address + ">");
            rcpts.add(address);
            String answer;
            if (inTransaction >= maxRcptsPerTransaction) {
                answer = "452 4.5.3 Too many recipients";
            } else if (errors >= hangUpAfterErrors) {
                answer = "421 4.7.0 Error: too many errors";
                closed = true;
            } else {
                answer = answers.apply(address);
                inTransaction++;
                if (!answer.startsWith("2")) {
                    errors++;
                }
            }
            transcript.add("S: " + answer);
            return new Step.Reply(SmtpReplyParser.tryParse(answer).orElseThrow());
        }

        @Override
        public Step reset() {
            inTransaction = 0;
            transcript.add("C: RSET");
            return new Step.Reply(SmtpReplyParser.tryParse("250 2.0.0 Ok").orElseThrow());
        }

        @Override
        public List<String> transcript() {
            return List.copyOf(transcript);
        }

        @Override
        public void clearTranscript() {
            transcript.clear();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
