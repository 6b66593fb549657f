package org.maildoctor.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.engine.Enrolment;
import org.maildoctor.warmup.engine.SendRecord;
import org.maildoctor.warmup.engine.SendState;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code maildoctor warmup status|pause|resume}: the engine's view of each mailbox. */
final class WarmupEngineCommands {
    private WarmupEngineCommands() {
    }

    @Command(name = "status", description = {
        "Each enrolled mailbox: running or paused (with the problem that paused it), its ramp, and today's sends",
        "by state. Exit 0 all running, 1 some mailbox is paused."})
    static final class Status extends StoreBackedCommand {
        /** The wall clock enters here, at the composition root. */
        Clock clock = Clock.systemUTC();

        @Override
        protected int run(Store store) {
            JdbcSendLedger ledger = new JdbcSendLedger(store.dataSource());
            List<Map<String, Object>> out = new ArrayList<>();
            boolean paused = false;
            for (Enrolment e : new JdbcRampRepository(store.dataSource()).list()) {
                LocalDate today = LocalDate.now(clock.withZone(e.ramp().zone()));
                Map<SendState, Integer> counts = new EnumMap<>(SendState.class);
                for (SendRecord r : ledger.rows(e.address(), today)) {
                    counts.merge(r.state(), 1, Integer::sum);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", e.address());
                m.put("status", e.status().key());
                m.put("problem", e.problem());
                m.put("since", e.statusAt().toString());
                m.put("startDate", e.ramp().startDate().orElseThrow().toString());
                m.put("start", e.ramp().start());
                m.put("target", e.ramp().target());
                m.put("today", today.toString());
                Map<String, Integer> sends = new LinkedHashMap<>();
                counts.forEach((k, v) -> sends.put(k.key(), v));
                m.put("sends", sends);
                out.add(m);
                paused |= !e.active();
            }
            if (global.json) {
                output().json(Map.of("mailboxes", out));
            } else if (out.isEmpty()) {
                output().line("no mailbox in the engine yet; `maildoctor warmup run` (or serve) enrols every account");
            } else {
                for (Map<String, Object> m : out) {
                    output().line(String.format(Locale.ROOT, "%-32s %-7s %s -> %s/day from %s  today %s%s",
                            m.get("address"), m.get("status"), m.get("start"), m.get("target"), m.get("startDate"),
                            m.get("sends"), m.get("problem") == null ? "" : "\n    problem: " + m.get("problem")));
                }
            }
            return paused ? ExitCode.PROBLEMS : ExitCode.OK;
        }
    }

    @Command(name = "pause", description = "Stop sending and engaging for one mailbox (the others go on).")
    static final class Pause extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!new JdbcRampRepository(store.dataSource()).pause(address, "paused by the user", store.clock().instant())) {
                throw CliException.usage("no warm-up mailbox " + address + " in the engine");
            }
            output().line("paused " + address);
            return ExitCode.OK;
        }
    }

    @Command(name = "resume", description = "Resume a paused mailbox (after fixing what paused it); its ramp continues from the next day.")
    static final class Resume extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!new JdbcRampRepository(store.dataSource()).resume(address, store.clock().instant())) {
                throw CliException.usage("no warm-up mailbox " + address + " in the engine");
            }
            output().line("resumed " + address);
            return ExitCode.OK;
        }
    }
}
