package org.maildoctor.dns.dnsjava;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * Talks to one upstream server with dnsjava's {@link SimpleResolver} (UDP, automatic TCP retry on
 * a truncated reply) and turns each reply into a {@link DnsResult}.
 *
 * <p>Why not dnsjava's {@code LookupSession}: it hides the RCODE behind exceptions and follows
 * CNAMEs only within one reply; maildoctor needs NXDOMAIN, NODATA, SERVFAIL and REFUSED apart, and
 * must follow CNAMEs across zones itself because an authoritative server will not.
 *
 * <p>Time: {@code timeout} is the budget of a whole lookup (all attempts and CNAME hops). Each
 * attempt gets an equal share of what is left, enforced by our own timer because dnsjava only
 * checks its timeouts about once a second.
 */
public final class DnsjavaResolver implements Resolver {
    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);
    /** Longest CNAME chain followed; real chains are 1-3 hops. */
    public static final int MAX_CNAME_HOPS = 8;
    /** RFC 8020-era advice (DNS flag day 2020): a UDP payload that avoids IP fragmentation. */
    static final int EDNS_UDP_PAYLOAD = 1232;

    // dnsjava parses replies on the executor it is given, by default the common ForkJoinPool, which
    // has ONE thread on a 2-core machine: any task blocking there would starve every DNS reply.
    private static final Executor REPLIES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dns-reply-", 0).factory());

    private final SimpleResolver resolver;
    private final InetSocketAddress server;
    private final String serverText;
    private final Duration timeout;
    private final int attempts;

    public DnsjavaResolver(InetSocketAddress server, Duration timeout, int retries) {
        this.server = Objects.requireNonNull(server);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        this.timeout = timeout;
        this.attempts = retries + 1;
        this.serverText = hostPort(server);
        this.resolver = new SimpleResolver(server);
        // dnsjava's own timer only cleans up abandoned transactions; ours decides (see class doc)
        this.resolver.setTimeout(timeout);
        this.resolver.setEDNS(0, EDNS_UDP_PAYLOAD, 0, List.of());
    }

    /** The upstream server as {@code host:port} ({@code [v6]:port}). */
    public String server() {
        return serverText;
    }

    public InetSocketAddress serverAddress() {
        return server;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
        String normalized = DnsNames.normalize(name);
        Name qname = toName(name, normalized);
        long deadline = System.nanoTime() + timeout.toNanos();
        Chase chase = new Chase(normalized, type, deadline);
        long t0 = System.nanoTime();
        return chase.step(qname, List.of(), true)
                // the contract: failures are outcomes, never exceptions (this catches our own bugs too)
                .exceptionally(t -> new DnsResult.ServFail(normalized, type, serverText,
                        "internal error: " + unwrap(t)))
                .whenComplete((r, t) -> LOG.debug("{} {}/{} -> {} in {} ms", serverText, normalized, type,
                        r == null ? t : r.describe(), (System.nanoTime() - t0) / 1_000_000));
    }

    private static Name toName(String input, String normalized) {
        try {
            return normalized.equals(".") ? Name.root : Name.fromString(normalized + ".");
        } catch (TextParseException e) {
            throw new DnsNameException(input, e.getMessage());
        }
    }

    /** One lookup: the original question, the deadline and the names already visited. */
    private final class Chase {
        private final String name;
        private final RecordType type;
        private final long deadline;
        private final Set<Name> visited = new HashSet<>();

        Chase(String name, RecordType type, long deadline) {
            this.name = name;
            this.type = type;
            this.deadline = deadline;
        }

        CompletableFuture<DnsResult> step(Name current, List<DnsRecord.Cname> chain, boolean authentic) {
            visited.add(current);
            return query(current, attempts).thenCompose(reply -> reply instanceof Message m
                    ? interpret(m, current, chain, authentic)
                    : CompletableFuture.completedFuture((DnsResult) reply));
        }

        private CompletableFuture<DnsResult> interpret(Message m, Name asked, List<DnsRecord.Cname> chainSoFar,
                                                       boolean authenticSoFar) {
            List<Record> answer = m.getSection(Section.ANSWER);
            List<DnsRecord.Cname> chain = new ArrayList<>(chainSoFar);
            Name owner = asked;
            boolean moved = false;
            if (type != RecordType.CNAME) {
                Optional<CNAMERecord> next;
                while ((next = cnameAt(answer, owner)).isPresent()) {
                    Name target = next.get().getTarget();
                    if (visited.contains(target)) {
                        return done(new DnsResult.ServFail(name, type, serverText,
                                "CNAME loop at " + RecordMapper.name(target)));
                    }
                    if (chain.size() >= MAX_CNAME_HOPS) {
                        return done(new DnsResult.ServFail(name, type, serverText,
                                "CNAME chain longer than " + MAX_CNAME_HOPS));
                    }
                    chain.add((DnsRecord.Cname) RecordMapper.map(next.get()).orElseThrow());
                    visited.add(target);
                    owner = target;
                    moved = true;
                }
            }
            boolean authentic = authenticSoFar && m.getHeader().getFlag(Flags.AD);
            List<DnsRecord> records = new ArrayList<>();
            for (Record r : answer) {
                if (r.getType() == type.code() && r.getDClass() == DClass.IN && r.getName().equals(owner)) {
                    RecordMapper.map(r).ifPresent(records::add);
                }
            }
            if (!records.isEmpty()) {
                return done(new DnsResult.Answer(name, type, records, chain, authentic));
            }
            int rcode = m.getRcode();
            return switch (rcode) {
                case Rcode.NXDOMAIN -> done(new DnsResult.NxDomain(name, type, chain, soa(m)));
                // the reply ended on a CNAME whose target it did not resolve (another zone): ask for it
                case Rcode.NOERROR -> moved
                        ? step(owner, List.copyOf(chain), authentic)
                        : done(new DnsResult.NoData(name, type, chain, soa(m)));
                case Rcode.SERVFAIL -> done(new DnsResult.ServFail(name, type, serverText,
                        "server answered SERVFAIL" + (chain.isEmpty() ? "" : " for " + RecordMapper.name(owner))));
                case Rcode.REFUSED -> done(new DnsResult.Refused(name, type, serverText));
                default -> done(new DnsResult.ServFail(name, type, serverText,
                        "server answered " + Rcode.string(rcode)));
            };
        }

        /** A reply {@link Message}, or the {@link DnsResult} failure that ended the attempts. */
        private CompletableFuture<Object> query(Name qname, int attemptsLeft) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return CompletableFuture.completedFuture(timedOut());
            }
            long budget = remaining / attemptsLeft;
            Message q = Message.newQuery(Record.newRecord(qname, type.code(), DClass.IN));
            // RFC 6840 5.7: AD in a query asks a validating resolver to report AD without DO
            q.getHeader().setFlag(Flags.AD);
            CompletableFuture<Message> sent;
            try {
                sent = resolver.sendAsync(q, REPLIES).toCompletableFuture().thenApply(x -> x);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            return sent.orTimeout(budget, TimeUnit.NANOSECONDS)
                    .handle((reply, error) -> {
                        if (error == null) {
                            return CompletableFuture.completedFuture((Object) reply);
                        }
                        Throwable t = unwrap(error);
                        Optional<DnsResult> finalFailure = classify(t);
                        if (finalFailure.isPresent()) {
                            return CompletableFuture.completedFuture((Object) finalFailure.get());
                        }
                        if (attemptsLeft > 1) {
                            return query(qname, attemptsLeft - 1);
                        }
                        return CompletableFuture.completedFuture((Object) lastFailure(t));
                    })
                    .thenCompose(f -> f);
        }

        /** A failure that retrying cannot fix, or empty to retry. */
        private Optional<DnsResult> classify(Throwable t) {
            String reason = switch (t) {
                case PortUnreachableException e -> "refused the connection (ICMP port unreachable)";
                case ConnectException e -> "refused the TCP connection (" + message(e) + ")";
                case NoRouteToHostException e -> "has no route (" + message(e) + ")";
                case java.net.SocketException e when message(e).toLowerCase().contains("unreachable") ->
                        "is not reachable (" + message(e) + ")";
                default -> null;
            };
            return Optional.ofNullable(reason).map(r -> new DnsResult.Unreachable(name, type, serverText, r));
        }

        private DnsResult lastFailure(Throwable t) {
            return switch (t) {
                case TimeoutException e -> timedOut();
                case SocketTimeoutException e -> timedOut();
                case WireParseException e -> new DnsResult.ServFail(name, type, serverText,
                        "malformed response: " + message(e));
                case IOException e -> new DnsResult.Unreachable(name, type, serverText,
                        "failed: " + message(e));
                default -> new DnsResult.ServFail(name, type, serverText, "internal error: " + message(t));
            };
        }

        private DnsResult timedOut() {
            return new DnsResult.Timeout(name, type, serverText, timeout);
        }

        private CompletableFuture<DnsResult> done(DnsResult r) {
            return CompletableFuture.completedFuture(r);
        }
    }

    private static Optional<CNAMERecord> cnameAt(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r instanceof CNAMERecord c && r.getName().equals(owner) && r.getType() == Type.CNAME) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<DnsRecord.Soa> soa(Message m) {
        for (Record r : m.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord s) {
                return Optional.of(RecordMapper.soa(s));
            }
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (a.getAddress() instanceof Inet6Address || host.contains(":") ? "[" + host + "]" : host)
                + ":" + a.getPort();
    }

    @Override
    public String toString() {
        return "DnsjavaResolver[" + serverText + ", timeout " + timeout + ", attempts " + attempts + "]";
    }
}
