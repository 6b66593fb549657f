package org.maildoctor.warmup.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.maildoctor.warmup.DayHealth;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.network.WarmupMessage;
import org.maildoctor.warmup.tracking.DailyStats;
import org.maildoctor.warmup.tracking.StatsRepository;

/**
 * The three jobs of the warm-up engine, free of any scheduler: each takes "now" and says when it
 * wants to run next, and the job adapter ({@code engine.jobs}) turns that into db-scheduler executions.
 *
 * <p><b>Exactly-once rule for sends.</b>
 * <ol>
 *   <li>The daily re-plan writes one ledger row per message (sender, day, seq) with recipient,
 *       Message-ID and token fixed, before any SMTP traffic; re-running it only fills free slots.</li>
 *   <li>A send claims its row {@code PLANNED → SENDING} by compare-and-set; a node that loses the
 *       claim does nothing. Only then does SMTP start.</li>
 *   <li>The outcome is recorded from {@code SENDING}: {@code SENT}, {@code BOUNCED}, or back to
 *       {@code PLANNED} when deferred (the server did not take it, so a retry cannot duplicate).</li>
 *   <li>A row found still {@code SENDING} (the node died between claim and record) is never resent
 *       blindly: once the {@linkplain EngineSettings#reconcileGrace() grace} has passed, the
 *       recipient's mailbox is searched for its Message-ID. Found → recorded as sent. Absent → sent
 *       again with the same Message-ID. Unknown (mailbox unreachable) → asked again later.</li>
 * </ol>
 * So a restart loses no planned message (rows persist; db-scheduler persists the executions) and sends
 * none twice, short of a message accepted by the submission server yet still undelivered after the grace.
 */
public final class WarmupEngine {
    /** The ports the engine drives; adapters in production, the same adapters against GreenMail in tests. */
    public record Ports(AccountRepository accounts, RampRepository ramps, SendLedger ledger, StatsRepository stats,
                        Outbox outbox, Engager engager, DeliveryProbe probe, Network network) {
        public Ports {
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(ramps, "ramps");
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(stats, "stats");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(engager, "engager");
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(network, "network");
        }
    }

    /** What the re-plan did for one account's day; {@code planned} are the rows still to send. */
    public record DayPlan(String address, LocalDate day, int volume, List<SendRecord> planned, Optional<Instant> next) {
    }

    private final Ports ports;
    private final Planner planner;
    private final SendThrottle throttle;
    private final EngineSettings settings;
    private final String node;
    private final LongSupplier seeds;
    private static final Duration POOL_TTL = Duration.ofMinutes(1);
    private volatile Pool pool;

    /**
     * @param node name of this node, stamped on claims
     * @param seeds random seeds of the messages' content, Message-ID and token
     */
    public WarmupEngine(Ports ports, Planner planner, SendThrottle throttle, EngineSettings settings, String node,
                        LongSupplier seeds) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.node = Objects.requireNonNull(node, "node");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * Enrols every account not yet in the engine with {@code defaults} (start date: today when its
     * business hours have not begun, else tomorrow) and returns the addresses enrolled now and before.
     */
    public List<String> sync(RampRequest defaults, Instant now) {
        List<String> all = new ArrayList<>();
        java.util.Set<String> enrolled = new java.util.HashSet<>();
        ports.ramps().list().forEach(e -> enrolled.add(e.address()));
        for (WarmupAccount a : ports.accounts().list()) {
            if (!enrolled.contains(a.address())) {
                ZonedDateTime local = now.atZone(defaults.zone());
                LocalDate start = local.toLocalTime().isBefore(defaults.businessStart())
                        ? local.toLocalDate() : local.toLocalDate().plusDays(1);
                RampRequest ramp = RampRequest.of(defaults.start(), defaults.target(), a.provider())
                        .withStep(defaults.step()).withReplyRate(defaults.replyRate()).withZone(defaults.zone())
                        .withBusinessHours(defaults.businessStart(), defaults.businessEnd())
                        .withWeekdaysOnly(defaults.weekdaysOnly()).withStartDate(start)
                        .withSeed(a.address().hashCode());
                ports.ramps().enrol(a.address(), ramp, now);
            }
            all.add(a.address());
        }
        return all;
    }

    /**
     * Re-plans {@code address}'s current day from its ramp and the health of the days before, writes the
     * ledger rows and returns those still to send. {@code next} is the next re-plan (empty: the account is gone).
     */
    public DayPlan replan(String address, Instant now) {
        Optional<Enrolment> found = ports.ramps().find(address);
        if (found.isEmpty() || ports.accounts().find(address).isEmpty()) {
            return new DayPlan(address, null, 0, List.of(), Optional.empty());
        }
        Enrolment e = found.get();
        RampRequest ramp = e.ramp();
        ZoneId zone = ramp.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant next = nextReplan(today, zone);
        LocalDate first = ramp.startDate().orElseThrow();
        if (!e.active() || today.isBefore(first)) {
            return new DayPlan(address, today, 0, List.of(), Optional.of(next));
        }
        int dayNumber = (int) Math.min(RampRequest.MAX_DAYS, ChronoUnit.DAYS.between(first, today) + 1);
        WarmupPlan plan = planner.plan(ramp.withDays(dayNumber), observedHealth(address, first, today.minusDays(1)));
        PlanDay day = plan.days().getLast();
        List<String> pool = activePool(now);
        List<ZonedDateTime> times = pool.stream().anyMatch(p -> !p.equalsIgnoreCase(address))
                ? planner.sendTimes(ramp, day) : List.of();
        ports.ledger().cancelAbove(address, today, times.size(), now);
        List<SendRecord> stored = ports.ledger().rows(address, today);
        // a slot stays free only if its Message-ID collided with a stored one: draw again (bounded)
        for (int round = 0; round < 3 && stored.size() < times.size(); round++) {
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            stored.forEach(r -> taken.add(r.seq()));
            List<PlannedSend> rows = new ArrayList<>();
            for (int seq = 1; seq <= times.size(); seq++) {
                if (!taken.contains(seq)) {
                    String to = ports.network().recipient(address, pool, today, seq);
                    long seed = seeds.getAsLong();
                    WarmupMessage m = ports.network().compose(address, to, seed);
                    rows.add(new PlannedSend(address, today, seq, times.get(seq - 1).toInstant(), to, m.messageId(),
                            m.token(), seed));
                }
            }
            stored = ports.ledger().plan(address, today, rows);
        }
        List<SendRecord> open = stored.stream().filter(r -> r.state() == SendState.PLANNED).toList();
        return new DayPlan(address, today, times.size(), open, Optional.of(next));
    }

    /** Each past day's signals for the planner, from the tracking counters. */
    private Map<LocalDate, DayHealth> observedHealth(String address, LocalDate from, LocalDate to) {
        Map<LocalDate, DayHealth> observed = new HashMap<>();
        if (to.isBefore(from)) {
            return observed;
        }
        for (DailyStats s : ports.stats().days(address, from, to)) {
            observed.put(s.day(), new DayHealth(s.sent(), s.bounces(), s.spam(), s.authFailures()));
        }
        return observed;
    }

    /**
     * The running mailboxes, read at most once per {@link #POOL_TTL} of the clock: re-planning a thousand
     * mailboxes at midnight would otherwise read the whole pool a thousand times. A mailbox paused within
     * the TTL may still be chosen as a recipient once; its own sends stop at once (checked per send).
     */
    private List<String> activePool(Instant now) {
        Pool p = pool;
        if (p == null || now.isAfter(p.read().plus(POOL_TTL)) || now.isBefore(p.read())) {
            List<String> active = new ArrayList<>();
            for (Enrolment e : ports.ramps().list()) {
                if (e.active()) {
                    active.add(e.address());
                }
            }
            p = new Pool(List.copyOf(active), now);
            pool = p;
        }
        return p.addresses();
    }

    private record Pool(List<String> addresses, Instant read) {
    }

    private Instant nextReplan(LocalDate today, ZoneId zone) {
        return today.plusDays(1).atTime(settings.replanAt()).atZone(zone).toInstant();
    }

    /**
     * Sends one ledger row under the exactly-once rule (class comment). Returns when to try again, or
     * empty when the row is settled (sent, bounced, failed, skipped, or someone else's).
     */
    public Optional<Instant> send(long id, Instant now) {
        Optional<SendRecord> found = ports.ledger().find(id);
        if (found.isEmpty() || found.get().state().isFinal()) {
            return Optional.empty();
        }
        SendRecord row = found.get();
        Optional<WarmupAccount> sender = ports.accounts().find(row.sender());
        Optional<WarmupAccount> recipient = ports.accounts().find(row.recipient());
        if (row.state() == SendState.SENDING && recipient.isPresent()) {
            // first settle a crashed attempt: it may have gone out whatever the account's status now
            Optional<Instant> settled = reconcile(row, recipient.get(), now);
            if (settled != null) {
                return settled;
            }
        }
        Optional<Enrolment> enrolment = ports.ramps().find(row.sender());
        String skip = sender.isEmpty() || enrolment.isEmpty() ? "account removed"
                : !enrolment.get().active() ? "account paused: " + enrolment.get().problem()
                : recipient.isEmpty() ? "recipient left the pool" : null;
        if (skip != null) {
            ports.ledger().move(id, row.state(), SendState.SKIPPED, skip, now);
            return Optional.empty();
        }
        Duration wait = throttle.acquire(row.sender(), sender.get().provider(), now);
        if (!wait.isZero()) {
            return Optional.of(now.plus(wait));
        }
        if (!ports.ledger().claim(id, row.state(), node, now)) {
            return Optional.empty();
        }
        WarmupMessage composed = ports.network().compose(row.sender(), row.recipient(), row.seed());
        // the ledger's Message-ID is the one a reconciliation searches for, whatever the composer does now
        WarmupMessage message = new WarmupMessage(composed.from(), composed.to(), composed.subject(),
                composed.textBody(), row.messageId(), null, List.of(), composed.token());
        Outbox.SendOutcome outcome = ports.outbox().send(sender.get(), message);
        return record(row, outcome, now);
    }

    /**
     * A row left SENDING by a crash. Returns the result of {@link #send} when settled here, or null
     * when the message was not delivered and may be sent again (same Message-ID).
     */
    private Optional<Instant> reconcile(SendRecord row, WarmupAccount recipient, Instant now) {
        Instant askFrom = row.claimedAt() == null ? now : row.claimedAt().plus(settings.reconcileGrace());
        if (now.isBefore(askFrom)) {
            return Optional.of(askFrom);
        }
        return switch (ports.probe().find(recipient, row.messageId())) {
            case FOUND -> {
                if (ports.ledger().move(row.id(), SendState.SENDING, SendState.SENT,
                        "delivered (found in the recipient's mailbox after an interrupted attempt)", now)) {
                    ports.stats().recordSent(row.sender(), row.day());
                }
                yield Optional.empty();
            }
            case UNKNOWN -> Optional.of(now.plus(settings.reconcileGrace()));
            case ABSENT -> null;
        };
    }

    private Optional<Instant> record(SendRecord row, Outbox.SendOutcome outcome, Instant now) {
        String detail = outcome.detail();
        switch (outcome.status()) {
            case ACCEPTED -> {
                ports.ledger().move(row.id(), SendState.SENDING, SendState.SENT, detail, now);
                ports.stats().recordSent(row.sender(), row.day());
                return Optional.empty();
            }
            case REJECTED -> {
                ports.ledger().move(row.id(), SendState.SENDING, SendState.BOUNCED, detail, now);
                ports.stats().recordBounce(row.sender(), row.day());
                return Optional.empty();
            }
            case DEFERRED -> {
                int attempts = row.attempts() + 1;
                if (attempts >= settings.maxAttempts()) {
                    ports.ledger().move(row.id(), SendState.SENDING, SendState.FAILED,
                            "deferred " + attempts + " times, last: " + detail, now);
                    return Optional.empty();
                }
                ports.ledger().move(row.id(), SendState.SENDING, SendState.PLANNED, "deferred: " + detail, now);
                return Optional.of(now.plus(settings.deferBackoff().multipliedBy(attempts)));
            }
            case ACCOUNT_FAILED -> {
                ports.ramps().pause(row.sender(), "sending failed: " + detail, now);
                ports.ledger().move(row.id(), SendState.SENDING, SendState.SKIPPED, "account paused: " + detail, now);
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome.status());
        }
    }

    /**
     * One engagement pass over {@code address}'s mailbox: observations go to the tracking counters; a
     * failed pass pauses the account with the failure as its problem. Returns the next pass (empty: gone).
     */
    public Optional<Instant> engage(String address, Instant now) {
        Optional<Enrolment> enrolment = ports.ramps().find(address);
        Optional<WarmupAccount> account = ports.accounts().find(address);
        if (enrolment.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        Instant next = now.plus(settings.engageInterval());
        if (!enrolment.get().active()) {
            return Optional.of(next);
        }
        RampRequest ramp = enrolment.get().ramp();
        Engager.EngagementResult result;
        try {
            result = ports.engager().engage(account.get(),
                    new Engager.EngagementPolicy(ramp.replyRate(), settings.deleteAfterDays()), now);
        } catch (RuntimeException ex) {
            // an adapter bug or an unexpected server answer must stop this account only
            result = new Engager.EngagementResult(List.of(), 0, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                    false, List.of());
        }
        // what the pass saw before any failure still counts (recording is idempotent per message)
        for (Observation o : result.observations()) {
            ports.stats().recordObservation(address, LocalDate.ofInstant(o.seenAt(), ramp.zone()), o);
        }
        if (result.failure() != null && result.accountFailed()) {
            ports.ramps().pause(address, "engagement failed: " + result.failure(), now);
        } else if (result.failure() != null) {
            // a dropped connection or a vanished folder: shown on the account, tried again next pass
            ports.ramps().note(address, "last engagement pass failed: " + result.failure(), now);
        } else if (enrolment.get().problem() != null) {
            ports.ramps().note(address, null, now);
        }
        return Optional.of(next);
    }
}
