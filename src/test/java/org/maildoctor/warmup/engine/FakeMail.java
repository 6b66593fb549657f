package org.maildoctor.warmup.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * Unit-test doubles for the engine's I/O ports: an outbox that "delivers" into a map of mailboxes and
 * answers per sender as scripted, a network that pairs round-robin and composes from the seed, and a
 * probe that looks into the mailboxes. The real adapters are tested against GreenMail.
 */
final class FakeMail implements Outbox, Network, DeliveryProbe {
    /** What the outbox does for a sender; null means ACCEPTED. */
    final Map<String, Function<WarmupMessage, SendOutcome>> script = new HashMap<>();
    final Map<String, List<WarmupMessage>> mailboxes = new HashMap<>();
    final List<WarmupMessage> submitted = Collections.synchronizedList(new ArrayList<>());
    /** Simulates a node dying after the server took the message (true) or before SMTP began (false). */
    final Map<String, Boolean> crashAfterDelivery = new HashMap<>();

    @Override
    public synchronized SendOutcome send(WarmupAccount from, WarmupMessage message) {
        Boolean crash = crashAfterDelivery.remove(message.from());
        if (Boolean.FALSE.equals(crash)) {
            throw new IllegalStateException("simulated crash before SMTP");
        }
        submitted.add(message);
        Function<WarmupMessage, SendOutcome> s = script.get(message.from());
        SendOutcome out = s == null ? new SendOutcome(Status.ACCEPTED, "250 2.0.0 queued") : s.apply(message);
        if (out.status() == Status.ACCEPTED) {
            mailboxes.computeIfAbsent(message.to(), k -> new ArrayList<>()).add(message);
        }
        if (Boolean.TRUE.equals(crash)) {
            throw new IllegalStateException("simulated crash after delivery");
        }
        return out;
    }

    @Override
    public String recipient(String sender, List<String> pool, LocalDate day, int seq) {
        List<String> others = pool.stream().filter(p -> !p.equals(sender)).toList();
        return others.get((seq + day.getDayOfMonth()) % others.size());
    }

    @Override
    public WarmupMessage compose(String from, String to, long seed) {
        String hex = Long.toHexString(seed);
        return new WarmupMessage(from, to, "hello " + hex, "body " + hex, "<" + hex + "@" + from.substring(from.indexOf('@') + 1) + ">",
                null, List.of(), "tok" + hex);
    }

    @Override
    public synchronized Presence find(WarmupAccount recipient, String messageId) {
        return mailboxes.getOrDefault(recipient.address(), List.of()).stream()
                .anyMatch(m -> m.messageId().equals(messageId)) ? Presence.FOUND : Presence.ABSENT;
    }

    synchronized long delivered(String messageId) {
        return mailboxes.values().stream().flatMap(List::stream).filter(m -> m.messageId().equals(messageId)).count();
    }
}
