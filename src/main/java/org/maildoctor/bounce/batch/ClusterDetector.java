package org.maildoctor.bounce.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.maildoctor.smtp.EnhancedStatus;

/**
 * Finds bursts of 5.1.1 or 5.7.x refusals from one receiving domain: at least {@code minRecipients}
 * different recipients refused within {@code window}. Pure and incremental: events are added one at
 * a time and only what the verdict needs is kept (a time and a recipient per event, three examples
 * per domain), so a batch of millions stays small.
 */
public final class ClusterDetector {

    public static final int DEFAULT_MIN_RECIPIENTS = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    private static final int EXAMPLES = 3;
    private static final int EXAMPLE_CHARS = 160;

    private final int minRecipients;
    private final Duration window;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    public ClusterDetector(int minRecipients, Duration window) {
        if (minRecipients < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a cluster needs at least 2 recipients and a positive window");
        }
        this.minRecipients = minRecipients;
        this.window = window;
    }

    public static ClusterDetector standard() {
        return new ClusterDetector(DEFAULT_MIN_RECIPIENTS, DEFAULT_WINDOW);
    }

    /** The kind of refusal that can signal a block, or empty for any other status. */
    static Optional<String> kindOf(EnhancedStatus s) {
        if (!s.isPermanentFailure()) {
            return Optional.empty();
        }
        if (s.subject() == 1 && s.detail() == 1) {
            return Optional.of("5.1.1");
        }
        return s.subject() == 7 ? Optional.of("5.7.x") : Optional.empty();
    }

    public void add(String domain, EnhancedStatus status, String recipient, Optional<Instant> at, String diagnostic) {
        Optional<String> kind = kindOf(status);
        if (kind.isEmpty() || domain.isEmpty()) {
            return;
        }
        Group g = groups.computeIfAbsent(domain + "\u0000" + kind.get(), k -> new Group(domain, kind.get()));
        String rcpt = recipient.toLowerCase(java.util.Locale.ROOT);
        if (at.isPresent()) {
            g.dated.add(new Event(at.get(), rcpt));
        } else {
            g.undated.add(rcpt);
            g.undatedEvents++;
        }
        if (g.examples.size() < EXAMPLES) {
            String d = diagnostic.replaceAll("\\s+", " ").trim();
            g.examples.add(recipient + ": " + (d.length() > EXAMPLE_CHARS ? d.substring(0, EXAMPLE_CHARS) + "…" : d));
        }
    }

    public List<Cluster> clusters() {
        List<Cluster> out = new ArrayList<>();
        for (Group g : groups.values()) {
            densest(g).ifPresent(out::add);
            if (g.undated.size() >= minRecipients) {
                out.add(new Cluster(g.domain, g.kind, g.undatedCount(), g.undated.size(), Optional.empty(),
                        Optional.empty(), Optional.empty(), g.examples));
            }
        }
        out.sort(Comparator.comparingInt(Cluster::recipients).reversed().thenComparing(Cluster::domain));
        return out;
    }

    /** The window with the most distinct recipients (two pointers over the sorted times). */
    private Optional<Cluster> densest(Group g) {
        List<Event> ev = new ArrayList<>(g.dated);
        ev.sort(Comparator.comparing(Event::at));
        Map<String, Integer> inWindow = new LinkedHashMap<>();
        int best = 0;
        int bestFrom = 0;
        int bestTo = -1;
        int from = 0;
        for (int to = 0; to < ev.size(); to++) {
            inWindow.merge(ev.get(to).recipient, 1, Integer::sum);
            while (Duration.between(ev.get(from).at, ev.get(to).at).compareTo(window) > 0) {
                inWindow.computeIfPresent(ev.get(from).recipient, (k, v) -> v == 1 ? null : v - 1);
                from++;
            }
            if (inWindow.size() > best) {
                best = inWindow.size();
                bestFrom = from;
                bestTo = to;
            }
        }
        if (best < minRecipients) {
            return Optional.empty();
        }
        Instant first = ev.get(bestFrom).at;
        Instant last = ev.get(bestTo).at;
        return Optional.of(new Cluster(g.domain, g.kind, bestTo - bestFrom + 1, best, Optional.of(first),
                Optional.of(last), Optional.of(Duration.between(first, last)), g.examples));
    }

    private record Event(Instant at, String recipient) {
    }

    private static final class Group {
        final String domain;
        final String kind;
        final List<Event> dated = new ArrayList<>();
        final Set<String> undated = new HashSet<>();
        int undatedEvents;
        final List<String> examples = new ArrayList<>();

        Group(String domain, String kind) {
            this.domain = domain;
            this.kind = kind;
        }

        int undatedCount() {
            return Math.max(undatedEvents, undated.size());
        }
    }
}
