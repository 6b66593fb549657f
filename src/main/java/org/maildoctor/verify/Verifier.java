package org.maildoctor.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.maildoctor.dns.Resolver;

/**
 * Recipient verification: syntax and normalisation, typo suggestion, classification flags, the
 * mail route from DNS, and the SMTP probe. One instance is one job: mail routes and catch-all
 * answers are cached in it, and its per-host and global session limits hold across calls.
 *
 * <pre>{@code
 * Verifier v = Verifier.create(resolver, new SmtpProbeClient(config), VerifyOptions.defaults());
 * Verification r = v.verify("jane@example.org");
 * }</pre>
 */
public final class Verifier {
    /** A batch is split into sessions of at least this many addresses per MX host. */
    private static final int MIN_SESSION_SHARE = 25;

    private final MailRouter router;
    private final SessionProber prober;
    private final VerifyOptions options;
    private final AddressLists lists;
    private final TypoSuggester typos;
    private final AcceptAllProviders acceptAll;
    private final Cache<String, MailRoute> routes = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(java.time.Duration.ofHours(1)).build();
    /**
     * Probed verdicts by normalized address: a duplicate later in a list (another chunk) is not
     * probed again. Only SMTP answers are kept (a route-only verdict is cheap again from the route
     * cache), and at most 100,000 (~400 bytes each): 500,000 filled a 256 MB heap on a 1M-row list
     * and the run spent most of its time in full collections.
     */
    private final Cache<String, Verification> verdicts = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(java.time.Duration.ofHours(1)).build();
    private final HostSlots hostSlots;
    private final Semaphore global;

    public Verifier(Resolver resolver, ProbeTransport transport, VerifyOptions options, AddressLists lists,
                    TypoSuggester typos, AcceptAllProviders acceptAll, ReplyInterpreter interpreter, Sleeper sleeper) {
        this(resolver, transport, options, lists, typos, acceptAll, interpreter, sleeper,
                HostSlots.inMemory(options.perHostConcurrency()), java.time.Clock.systemUTC());
    }

    /**
     * @param hostSlots the per-MX session limit; shared through the database when several nodes work one job
     * @param clock     for the rate limits (with {@code sleeper}: a test's fake time)
     */
    public Verifier(Resolver resolver, ProbeTransport transport, VerifyOptions options, AddressLists lists,
                    TypoSuggester typos, AcceptAllProviders acceptAll, ReplyInterpreter interpreter, Sleeper sleeper,
                    HostSlots hostSlots, java.time.Clock clock) {
        this.hostSlots = hostSlots;
        this.router = new MailRouter(resolver);
        this.prober = new SessionProber(transport, interpreter, options, sleeper, clock);
        this.options = options;
        this.lists = lists;
        this.typos = typos;
        this.acceptAll = acceptAll;
        this.global = new Semaphore(options.globalConcurrency());
    }

    /** With the bundled lists, typo table, accept-all table and knowledge base. */
    public static Verifier create(Resolver resolver, ProbeTransport transport, VerifyOptions options) {
        return new Verifier(resolver, transport, options, AddressLists.standard(), TypoSuggester.standard(),
                AcceptAllProviders.standard(), ReplyInterpreter.standard(), Sleeper.REAL);
    }

    /** As {@link #create(Resolver, ProbeTransport, VerifyOptions)} with a given per-MX session limit. */
    public static Verifier create(Resolver resolver, ProbeTransport transport, VerifyOptions options,
                                  HostSlots hostSlots) {
        return new Verifier(resolver, transport, options, AddressLists.standard(), TypoSuggester.standard(),
                AcceptAllProviders.standard(), ReplyInterpreter.standard(), Sleeper.REAL, hostSlots,
                java.time.Clock.systemUTC());
    }

    public VerifyOptions options() {
        return options;
    }

    public Verification verify(String address) {
        return verifyAll(List.of(address)).getFirst();
    }

    /**
     * Verifies a batch: one result per input, in input order. Duplicates (after normalisation) are
     * verified once; addresses sharing mail hosts share SMTP sessions.
     */
    public List<Verification> verifyAll(List<String> addresses) {
        return verifyAll(addresses, settled -> { });
    }

    /**
     * As {@link #verifyAll(List)}, handing results to {@code settled} (input index → result) as soon
     * as they are known: those needing no SMTP at once, probed ones per pipelined RCPT batch, before
     * the session asks its next RCPT. Called from several threads; a bulk job stores them there.
     */
    public List<Verification> verifyAll(List<String> addresses, Consumer<Map<Integer, Verification>> settled) {
        return verifyAll(addresses, settled, sending -> { });
    }

    /**
     * As {@link #verifyAll(List, Consumer)}; {@code sending} gets the input indices of an address
     * (all its duplicates) once, just before its first RCPT TO is written, from the session's thread:
     * a bulk job records there, durably, that the probe has started.
     */
    public List<Verification> verifyAll(List<String> addresses, Consumer<Map<Integer, Verification>> settled,
                                        Consumer<List<Integer>> sending) {
        Map<String, Verification> byNormalized = new ConcurrentHashMap<>();
        Map<String, List<Integer>> indicesOf = new HashMap<>();
        Map<Integer, Verification> immediate = new HashMap<>();
        List<Object> slots = new ArrayList<>(addresses.size());
        Map<String, Verdicts.Input> toProbe = new LinkedHashMap<>();
        Map<String, MailRoute> routeOf = new HashMap<>();
        for (String given : addresses) {
            String g = given == null ? "" : given.strip();
            switch (AddressSyntax.parse(g)) {
                case AddressSyntax.Result.Invalid i -> {
                    Verification v = Verdicts.invalid(shorten(g), i.why());
                    immediate.put(slots.size(), v);
                    slots.add(v);
                }
                case AddressSyntax.Result.Valid v -> {
                    String key = v.address().normalized();
                    indicesOf.computeIfAbsent(key, k -> new ArrayList<>()).add(slots.size());
                    slots.add(new Slot(g, key));
                    Verification known = options.transcript() ? null : verdicts.getIfPresent(key);
                    if (known != null) {
                        byNormalized.put(key, known);
                    } else if (!toProbe.containsKey(key)) {
                        toProbe.put(key, new Verdicts.Input(g, v.address(), lists.flags(v.address()),
                                typos.suggestAddress(v.address())));
                    }
                }
            }
        }
        Map<String, List<Verdicts.Input>> groups = new LinkedHashMap<>();
        Map<String, MailRoute.Hosts> groupRoute = new HashMap<>();
        for (Verdicts.Input in : toProbe.values()) {
            MailRoute route = routeOf.computeIfAbsent(in.address().domain(),
                    d -> routes.get(d, router::route));
            if (route instanceof MailRoute.Hosts h) {
                String key = SessionProber.routeKey(h);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(in);
                groupRoute.putIfAbsent(key, h);
            } else {
                byNormalized.put(in.address().normalized(), Verdicts.fromRoute(in, route));
            }
        }
        Consumer<Map<String, Verification>> byKey = done -> {
            Map<Integer, Verification> out = new HashMap<>();
            done.forEach((key, v) -> {
                for (int i : indicesOf.getOrDefault(key, List.of())) {
                    out.put(i, v.forAddress(((Slot) slots.get(i)).given));
                }
            });
            if (!out.isEmpty()) {
                settled.accept(out);
            }
        };
        for (Map.Entry<String, Verification> known : byNormalized.entrySet()) {
            for (int i : indicesOf.getOrDefault(known.getKey(), List.of())) {
                immediate.put(i, known.getValue().forAddress(((Slot) slots.get(i)).given));
            }
        }
        if (!immediate.isEmpty()) {
            settled.accept(immediate);
        }
        Consumer<List<String>> sendingKeys = keys -> {
            List<Integer> out = new ArrayList<>();
            keys.forEach(k -> out.addAll(indicesOf.getOrDefault(k, List.of())));
            sending.accept(out);
        };
        probeGroups(groups, groupRoute, byNormalized, byKey, sendingKeys);
        for (String key : toProbe.keySet()) {
            Verification v = byNormalized.get(key);
            if (v.smtp().isPresent() || v.mx().isPresent()) {
                verdicts.put(key, v.withoutTranscript());
            }
        }
        List<Verification> out = new ArrayList<>(slots.size());
        for (Object s : slots) {
            if (s instanceof Verification v) {
                out.add(v);
            } else {
                Slot slot = (Slot) s;
                out.add(byNormalized.get(slot.key).forAddress(slot.given));
            }
        }
        return out;
    }

    private record Slot(String given, String key) {
    }

    private void probeGroups(Map<String, List<Verdicts.Input>> groups, Map<String, MailRoute.Hosts> groupRoute,
                             Map<String, Verification> results, Consumer<Map<String, Verification>> settled,
                             Consumer<List<String>> sending) {
        if (groups.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Verification>>> futures = new ArrayList<>();
            for (Map.Entry<String, List<Verdicts.Input>> g : groups.entrySet()) {
                MailRoute.Hosts route = groupRoute.get(g.getKey());
                List<Verdicts.Input> all = g.getValue();
                int shares = Math.max(1, Math.min(options.perHostConcurrency(),
                        (all.size() + MIN_SESSION_SHARE - 1) / MIN_SESSION_SHARE));
                int size = (all.size() + shares - 1) / shares;
                for (int i = 0; i < all.size(); i += size) {
                    List<Verdicts.Input> part = all.subList(i, Math.min(all.size(), i + size));
                    futures.add(pool.submit(() -> probePart(route, part, settled, sending)));
                }
            }
            for (Future<List<Verification>> f : futures) {
                for (Verification v : f.get()) {
                    results.put(v.normalized().orElseThrow(), v);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
        }
    }

    private List<Verification> probePart(MailRoute.Hosts route, List<Verdicts.Input> part,
                                         Consumer<Map<String, Verification>> settled,
                                         Consumer<List<String>> sending) throws InterruptedException {
        global.acquire();
        try {
            try (HostSlots.Slot slot = hostSlots.acquire(route.primaryHost())) {
                Map<String, Verdicts.Input> inputs = new HashMap<>();
                part.forEach(in -> inputs.put(in.address().normalized(), in));
                Map<String, Verification> verdictOf = new HashMap<>();
                prober.probe(route, part.stream().map(Verdicts.Input::address).toList(), done -> {
                    Map<String, Verification> now = new HashMap<>();
                    done.forEach((key, r) -> {
                        Optional<String> entry = r.mx().flatMap(acceptAll::match);
                        now.put(key, Verdicts.fromProbe(inputs.get(key), r, entry, options.transcript()));
                    });
                    verdictOf.putAll(now);
                    settled.accept(now);
                }, sending);
                return part.stream().map(in -> verdictOf.get(in.address().normalized())).toList();
            }
        } finally {
            global.release();
        }
    }

    /**
     * The verdict for an address whose probe was in flight when a bulk job's process died: its
     * RCPT may or may not have reached the server, and asking again would probe it twice, so it is
     * {@code unknown}/{@code interrupted} (with the flags and suggestion that need no probe).
     */
    public Verification interrupted(String given) {
        String g = given == null ? "" : given.strip();
        return switch (AddressSyntax.parse(g)) {
            case AddressSyntax.Result.Invalid i -> Verdicts.invalid(shorten(g), i.why());
            case AddressSyntax.Result.Valid v -> Verdicts.interrupted(new Verdicts.Input(g, v.address(),
                    lists.flags(v.address()), typos.suggestAddress(v.address())));
        };
    }

    /** A 100 KB "address" is echoed shortened, so results and logs stay readable. */
    public static String shorten(String s) {
        return s.length() <= 320 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}
