package org.maildoctor.placement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maildoctor.warmup.MailboxProvider;

/** A finished (or, while polling, a partial) placement test: per seed, and tallied per provider. */
public record PlacementReport(String token, Instant startedAt, Instant deadline, boolean finished,
                              List<SeedResult> seeds) {
    public PlacementReport {
        seeds = List.copyOf(seeds);
    }

    /** Counts per status ({@link SeedResult#status()}) for each provider that has seeds, providers in enum order. */
    public Map<MailboxProvider, Tally> byProvider() {
        Map<MailboxProvider, Tally> out = new TreeMap<>();
        for (SeedResult s : seeds) {
            out.merge(s.provider(), Tally.of(s), Tally::plus);
        }
        return out;
    }

    public Tally total() {
        return seeds.stream().map(Tally::of).reduce(Tally.EMPTY, Tally::plus);
    }

    /** How many seeds of one provider (or all) ended where. {@code inboxRate} counts only seeds that could be read. */
    public record Tally(int inbox, int spam, int category, int other, int missing, int error) {
        static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0);

        static Tally of(SeedResult s) {
            return switch (s.status()) {
                case "inbox" -> new Tally(1, 0, 0, 0, 0, 0);
                case "spam" -> new Tally(0, 1, 0, 0, 0, 0);
                case "category" -> new Tally(0, 0, 1, 0, 0, 0);
                case "other" -> new Tally(0, 0, 0, 1, 0, 0);
                case "missing" -> new Tally(0, 0, 0, 0, 1, 0);
                default -> new Tally(0, 0, 0, 0, 0, 1);
            };
        }

        Tally plus(Tally o) {
            return new Tally(inbox + o.inbox, spam + o.spam, category + o.category, other + o.other,
                    missing + o.missing, error + o.error);
        }

        public int read() {
            return inbox + spam + category + other + missing;
        }

        /** Share of readable seeds that put the message in the inbox or a category tab, 0–1; 0 when none could be read. */
        public double inboxRate() {
            return read() == 0 ? 0 : (double) (inbox + category) / read();
        }

        public Map<String, Integer> asMap() {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("inbox", inbox);
            m.put("spam", spam);
            m.put("category", category);
            m.put("other", other);
            m.put("missing", missing);
            m.put("error", error);
            return m;
        }
    }
}
