package org.maildoctor.verify;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.maildoctor.model.IpRanges;
import org.maildoctor.smtp.SmtpReply;

/**
 * Probes a group of addresses that share one mail route over as few SMTP sessions as possible:
 * MX hosts in preference order (the next one only when the connection itself fails), many RCPT TO
 * per session with RSET between transactions, a reconnect when the server hangs up or the
 * session's error budget is spent, one catch-all probe per domain per job, and greylisting
 * retries with backoff. Pure policy over the {@link ProbeTransport} port.
 */
final class SessionProber {
    /** A failed RCPT (dropped connection, timeout) is asked again on a new connection at most this often. */
    private static final int MAX_ATTEMPTS = 2;

    private final ProbeTransport transport;
    private final ReplyInterpreter interpreter;
    private final VerifyOptions options;
    private final Sleeper sleeper;
    private final RcptThrottle throttle;
    /** Per job: domain → catch-all (empty: could not tell). */
    private final ConcurrentHashMap<String, CompletableFuture<Optional<Boolean>>> catchAll = new ConcurrentHashMap<>();

    SessionProber(ProbeTransport transport, ReplyInterpreter interpreter, VerifyOptions options, Sleeper sleeper,
                  java.time.Clock clock) {
        this.transport = transport;
        this.interpreter = interpreter;
        this.options = options;
        this.sleeper = sleeper;
        this.throttle = new RcptThrottle(options.rateLimits(), clock, sleeper);
    }

    /** Results keyed by normalized address, for every address given. */
    Map<String, ProbeResult> probe(MailRoute.Hosts route, List<AddressSyntax.Parsed> addresses) {
        return probe(route, addresses, settled -> { }, sending -> { });
    }

    /**
     * As {@link #probe(MailRoute.Hosts, List)}, handing each address's final result to {@code settled}
     * as soon as it is known — before the session sends its next RCPT — so a bulk job can store it
     * while the session goes on (a crash then loses at most the RCPTs in flight). {@code sending}
     * gets each address (normalized) once, just before its first RCPT TO is written: a bulk job
     * records there that the probe has started, so after a crash it knows which RCPTs may have
     * reached the server.
     */
    Map<String, ProbeResult> probe(MailRoute.Hosts route, List<AddressSyntax.Parsed> addresses,
                                   Consumer<Map<String, ProbeResult>> settled, Consumer<List<String>> sending) {
        Map<String, ProbeResult> results = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        Set<String> emitted = new HashSet<>();
        Set<String> announced = new HashSet<>();
        Consumer<List<AddressSyntax.Parsed>> firstSend = batch -> {
            List<String> first = new ArrayList<>();
            for (AddressSyntax.Parsed a : batch) {
                if (announced.add(a.normalized())) {
                    first.add(a.normalized());
                }
            }
            if (!first.isEmpty()) {
                sending.accept(first);
            }
        };
        Settle settle = new Settle(settled, emitted, options.greylistDelays().isEmpty(), firstSend);
        List<AddressSyntax.Parsed> later = run(route, addresses, results, attempts, settle);
        int pass = 0;
        for (Duration delay : options.greylistDelays()) {
            if (later.isEmpty()) {
                break;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pass++;
            later = run(route, later, results, attempts,
                    new Settle(settled, emitted, pass == options.greylistDelays().size(), firstSend));
        }
        Map<String, ProbeResult> rest = new HashMap<>();
        results.forEach((k, v) -> {
            if (emitted.add(k)) {
                rest.put(k, v);
            }
        });
        if (!rest.isEmpty()) {
            settled.accept(rest);
        }
        return results;
    }

    /**
     * Emits the results that no later pass can change; {@code lastPass}: 4xx answers are final too.
     * {@code firstSend} is told of a batch before its RCPTs are written.
     */
    private record Settle(Consumer<Map<String, ProbeResult>> sink, Set<String> emitted, boolean lastPass,
                          Consumer<List<AddressSyntax.Parsed>> firstSend) {
        void emit(Collection<AddressSyntax.Parsed> batch, Collection<AddressSyntax.Parsed> pending,
                  Collection<AddressSyntax.Parsed> later, Map<String, ProbeResult> results) {
            Map<String, ProbeResult> out = new HashMap<>();
            for (AddressSyntax.Parsed a : batch) {
                String k = a.normalized();
                if (results.containsKey(k) && !pending.contains(a) && (lastPass || !later.contains(a))
                        && emitted.add(k)) {
                    out.put(k, results.get(k));
                }
            }
            if (!out.isEmpty()) {
                sink.accept(out);
            }
        }
    }

    /** One pass; returns the addresses that got a 4xx (their last reply stays in {@code results}). */
    private List<AddressSyntax.Parsed> run(MailRoute.Hosts route, List<AddressSyntax.Parsed> addresses,
                                           Map<String, ProbeResult> results, Map<String, Integer> attempts,
                                           Settle settle) {
        Deque<AddressSyntax.Parsed> pending = new ArrayDeque<>(addresses);
        List<AddressSyntax.Parsed> later = new ArrayList<>();
        while (!pending.isEmpty()) {
            Connected c = connect(route);
            if (c.failed != null) {
                ProbeFailure f = c.failed.failure();
                for (AddressSyntax.Parsed a : pending) {
                    int n = attempts.merge(a.normalized(), 1, Integer::sum);
                    results.put(a.normalized(), ProbeResult.failed(f, Optional.ofNullable(c.host), n, c.failed.transcript()));
                    if (f.reply().map(SmtpReply::isTransientFailure).orElse(false)) {
                        later.add(a);
                    }
                }
                List<AddressSyntax.Parsed> failed = new ArrayList<>(pending);
                pending.clear();
                settle.emit(failed, pending, later, results);
                return later;
            }
            try (ProbeSession s = c.session) {
                List<String> opening = List.copyOf(s.transcript());
                s.clearTranscript();
                int inTransaction = 0;
                int errors = 0;
                boolean reconnect = false;
                while (!pending.isEmpty() && !reconnect) {
                    // never more rejections in flight than the error budget allows, so a pipelined
                    // batch cannot push the server past its error limit
                    int room = Math.max(1, Math.min(options.rcptsPerTransaction() - inTransaction,
                            options.errorsPerSession() - errors));
                    List<AddressSyntax.Parsed> batch = new ArrayList<>();
                    for (AddressSyntax.Parsed a : pending) {
                        if (batch.size() == room) {
                            break;
                        }
                        batch.add(a);
                    }
                    Map<String, Optional<Boolean>> catchAllOf = new HashMap<>();
                    for (AddressSyntax.Parsed a : batch) {
                        catchAllOf.computeIfAbsent(a.domain(), d -> catchAll(s, d));
                    }
                    Map<String, Integer> perDomain = new HashMap<>();
                    batch.forEach(a -> perDomain.merge(a.domain(), 1, Integer::sum));
                    for (Map.Entry<String, Integer> d : perDomain.entrySet()) {
                        throttle(d.getKey(), d.getValue());
                    }
                    settle.firstSend().accept(batch);
                    List<ProbeSession.Step> steps = s.rcptAll(batch.stream().map(AddressSyntax.Parsed::normalized).toList());
                    List<String> transcript = transcript(opening, s);
                    for (int i = 0; i < batch.size() && !reconnect; i++) {
                        AddressSyntax.Parsed a = batch.get(i);
                        Optional<Boolean> isCatchAll = catchAllOf.get(a.domain());
                        ProbeSession.Step step = steps.get(i);
                        int n = attempts.merge(a.normalized(), 1, Integer::sum);
                        if (step instanceof ProbeSession.Step.Failed f) {
                            results.put(a.normalized(), ProbeResult.failed(f.failure(), Optional.of(c.host), n, transcript)
                                    .withCatchAll(isCatchAll));
                            if (n >= MAX_ATTEMPTS) {
                                pending.remove(a);
                            }
                            reconnect = true;
                            continue;
                        }
                        SmtpReply reply = ((ProbeSession.Step.Reply) step).reply();
                        RcptOutcome outcome = interpreter.interpret(reply);
                        if (outcome == RcptOutcome.TOO_MANY_RECIPIENTS && n <= MAX_ATTEMPTS) {
                            // not about this address: a new transaction, then ask again
                            if (s.reset() instanceof ProbeSession.Step.Failed) {
                                reconnect = true;
                            }
                            inTransaction = 0;
                            break;
                        }
                        if (reply.replyCode().map(r -> r.value() == 421).orElse(false)) {
                            // the server is closing the session (RFC 5321 §3.8): ask again on a new one
                            results.put(a.normalized(), ProbeResult.answered(outcome, reply, c.host, n, transcript)
                                    .withCatchAll(isCatchAll));
                            if (n >= MAX_ATTEMPTS) {
                                pending.remove(a);
                                later.add(a);
                            }
                            reconnect = true;
                            continue;
                        }
                        pending.remove(a);
                        results.put(a.normalized(), ProbeResult.answered(outcome, reply, c.host, n, transcript)
                                .withCatchAll(isCatchAll));
                        if (outcome == RcptOutcome.TRY_LATER) {
                            later.add(a);
                        }
                        if (outcome != RcptOutcome.ACCEPTED) {
                            errors++;
                        }
                        inTransaction++;
                    }
                    settle.emit(batch, pending, later, results);
                    if (reconnect) {
                        break;
                    }
                    if (errors >= options.errorsPerSession()) {
                        reconnect = true;
                    } else if (inTransaction >= options.rcptsPerTransaction() && !pending.isEmpty()) {
                        if (s.reset() instanceof ProbeSession.Step.Failed) {
                            reconnect = true;
                        }
                        inTransaction = 0;
                    }
                }
            }
        }
        return later;
    }

    private static List<String> transcript(List<String> opening, ProbeSession s) {
        List<String> t = new ArrayList<>(opening);
        t.addAll(s.transcript());
        s.clearTranscript();
        return t;
    }

    private record SessionAnswer(RcptOutcome outcome, SmtpReply reply, ProbeFailure failure) {
    }

    /** RCPT TO, with one RSET-and-retry when the server says "too many recipients". */
    private SessionAnswer ask(ProbeSession s, String address) {
        for (int round = 0; ; round++) {
            ProbeSession.Step step = s.rcpt(address);
            if (step instanceof ProbeSession.Step.Failed f) {
                return new SessionAnswer(null, null, f.failure());
            }
            SmtpReply reply = ((ProbeSession.Step.Reply) step).reply();
            RcptOutcome outcome = interpreter.interpret(reply);
            if (outcome != RcptOutcome.TOO_MANY_RECIPIENTS || round > 0) {
                return new SessionAnswer(outcome, reply, null);
            }
            if (s.reset() instanceof ProbeSession.Step.Failed f) {
                return new SessionAnswer(null, null, f.failure());
            }
        }
    }

    /**
     * Whether {@code domain} accepts any local part, asked once per job on the first session that
     * carries the domain (the others wait for that answer). A random local part that is accepted
     * means catch-all; a 5.1.1 for it means not; anything else leaves it open.
     */
    private void throttle(String domain, int rcpts) {
        try {
            throttle.acquire(domain, rcpts);
        } catch (InterruptedException e) {
            // keep the interrupt for the caller; sending now is the lesser harm than hanging
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Boolean> catchAll(ProbeSession s, String domain) {
        if (!options.catchAllProbe()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<Boolean>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Boolean>> existing = catchAll.putIfAbsent(domain, mine);
        if (existing != null) {
            return existing.join();
        }
        Optional<Boolean> value = Optional.empty();
        try {
            throttle(domain, 1);
            SessionAnswer a = ask(s, randomLocalPart() + "@" + domain);
            if (a.outcome == RcptOutcome.ACCEPTED) {
                value = Optional.of(true);
            } else if (a.outcome == RcptOutcome.USER_UNKNOWN || a.outcome == RcptOutcome.DISABLED) {
                value = Optional.of(false);
            }
        } finally {
            mine.complete(value);
        }
        return value;
    }

    private static String randomLocalPart() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("md-probe-");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private record Connected(ProbeSession session, String host, ProbeTransport.Opened.Failed failed) {
    }

    /**
     * The first MX host (in preference order) and address that takes the connection. Only a failed
     * TCP connection moves on to the next host: a host that answers, even with an error, speaks for
     * the domain (RFC 5321 §5.1).
     */
    private Connected connect(MailRoute.Hosts route) {
        ProbeTransport.Opened.Failed last = null;
        String lastHost = null;
        List<String> skipped = new ArrayList<>();
        for (MailRoute.Host host : route.hosts()) {
            for (InetAddress address : host.addresses()) {
                if (!options.allowPrivate() && !IpRanges.scope(address).isPublic()) {
                    skipped.add(host.name() + " (" + address.getHostAddress() + ", "
                            + IpRanges.scope(address).description() + ")");
                    continue;
                }
                ProbeTransport.Opened o = transport.open(host.name(), address);
                if (o instanceof ProbeTransport.Opened.Ready r) {
                    return new Connected(r.session(), host.name(), null);
                }
                last = (ProbeTransport.Opened.Failed) o;
                lastHost = host.name();
                if (!last.connectFailed()) {
                    return new Connected(null, lastHost, last);
                }
            }
        }
        if (last == null) {
            return new Connected(null, route.primaryHost(), new ProbeTransport.Opened.Failed(
                    new ProbeFailure(ProbeFailure.Kind.NETWORK, PRIVATE_PREFIX + String.join(", ", skipped),
                            Optional.empty()), true, List.of()));
        }
        return new Connected(null, lastHost, last);
    }

    /** Marks the failure detail of a route whose every address was refused by the private-address guard. */
    static final String PRIVATE_PREFIX = "not connecting to a non-public address: ";

    static Map<String, List<AddressSyntax.Parsed>> byRoute(Map<AddressSyntax.Parsed, MailRoute.Hosts> routes) {
        Map<String, List<AddressSyntax.Parsed>> groups = new LinkedHashMap<>();
        routes.forEach((a, r) -> groups.computeIfAbsent(routeKey(r), k -> new ArrayList<>()).add(a));
        return groups;
    }

    static String routeKey(MailRoute.Hosts r) {
        return String.join(",", r.hosts().stream().map(MailRoute.Host::name).toList());
    }
}
