package org.maildoctor.bounce.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Many refusals of one kind from one receiving domain close together: the evidence that the domain
 * is refusing the sender, not that the addresses are bad.
 *
 * @param kind       {@code 5.1.1} (user unknown) or {@code 5.7.x} (policy, authentication, reputation)
 * @param count      refusals in the window
 * @param recipients distinct recipients among them
 * @param first      earliest in the window; empty when the bounces carry no dates
 * @param window     time from first to last; empty when the bounces carry no dates
 * @param examples   up to three "recipient: diagnostic" lines
 */
public record Cluster(String domain, String kind, int count, int recipients, Optional<Instant> first,
        Optional<Instant> last, Optional<Duration> window, List<String> examples) {

    public Cluster {
        examples = List.copyOf(examples);
    }

    public String verdict() {
        return "likely a block or reputation problem, not bad addresses";
    }

    /** One sentence a person can act on. */
    public String explanation() {
        String when = window.map(w -> " within " + human(w)).orElse(" in this batch (the bounces carry no dates)");
        String what = kind.equals("5.1.1")
                ? "Receivers that distrust a sender often answer \"user unknown\" for every address; real typos do not come in bursts."
                : "5.7.x is a policy refusal: authentication (SPF/DKIM/DMARC), content or the sending IP's reputation.";
        return count + " " + kind + " refusals for " + recipients + " different recipients at " + domain + when
                + ": " + verdict() + ". " + what + " Check blocklists and authentication, and do not suppress these "
                + "addresses for this alone.";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h";
    }
}
