package org.maildoctor.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real filter engine's verdict on a message next to ours (SpamAssassin via spamd, rspamd via its
 * HTTP API), or why there is none: an engine that is down or slow never fails the check, it is
 * reported as "second opinion unavailable".
 *
 * @param engine      {@code spamassassin} or {@code rspamd}
 * @param server      where it was asked ({@code host:port} or the URL)
 * @param verdict     the engine's answer, when it answered
 * @param unavailable why it did not, when it did not
 */
public record SecondOpinion(String engine, String server, Optional<Verdict> verdict, Optional<String> unavailable) {
    public SecondOpinion {
        Objects.requireNonNull(engine);
        Objects.requireNonNull(server);
        if (verdict.isPresent() == unavailable.isPresent()) {
            throw new IllegalArgumentException("a second opinion has either a verdict or a reason it is unavailable");
        }
    }

    public static SecondOpinion of(String engine, String server, Verdict v) {
        return new SecondOpinion(engine, server, Optional.of(v), Optional.empty());
    }

    public static SecondOpinion unavailable(String engine, String server, String why) {
        return new SecondOpinion(engine, server, Optional.empty(), Optional.of(why));
    }

    /** A template alone is not a message: the engines get it as the HTML body of a minimal one. */
    public static byte[] templateMessage(byte[] html) {
        byte[] head = "MIME-Version: 1.0\r\nSubject: (template)\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(head, head.length + html.length);
        System.arraycopy(html, 0, out, head.length, html.length);
        return out;
    }

    /** One line for people: the verdict, or "second opinion unavailable: …". */
    public String summary() {
        return verdict.map(v -> String.format(java.util.Locale.ROOT, "%s: %s, score %.1f (threshold %.1f)%s", engine,
                        v.spam() ? "spam" : "not spam", v.score(), v.threshold(),
                        v.action().map(a -> ", action " + a).orElse("")))
                .orElseGet(() -> "second opinion unavailable: " + engine + " at " + server + ": " + unavailable.get());
    }

    /**
     * @param score     the engine's score
     * @param threshold its spam threshold (SpamAssassin {@code required_score}, rspamd's reject score)
     * @param action    rspamd's action (no action, add header, greylist, reject …); empty for SpamAssassin
     * @param rules     the rules that fired, highest score first
     */
    public record Verdict(double score, double threshold, boolean spam, Optional<String> action, List<Rule> rules) {
        public Verdict {
            rules = List.copyOf(rules);
        }
    }

    /** A rule (SpamAssassin) or symbol (rspamd) that fired. */
    public record Rule(String name, double score, String description) {
    }

    /** Asks one engine; implementations never throw, they answer {@link #unavailable}. */
    @FunctionalInterface
    public interface Engine {
        SecondOpinion check(byte[] message);
    }
}
