package org.maildoctor.warmup.network;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Writes warm-up messages that read like everyday business mail: a topic from the {@link SentenceBank},
 * a subject, a greeting with the recipient's name when the address has one, often an opening, three to
 * five of the topic's sentences in random order, sometimes an aside, a closing and a sign-off with the
 * sender's name, then the token line. Replies continue the thread (RFC 5322 §3.6.4) with a fresh answer, sometimes above a
 * quote of the parent. Pure: all choice comes from the {@link RandomGenerator} the caller passes, so
 * a seeded generator gives the same message again.
 */
public final class MessageComposer {
    /** Longest References chain kept; the first id stays so the thread root is never lost (RFC 5322 §3.6.4). */
    static final int MAX_REFERENCES = 10;
    private static final DateTimeFormatter QUOTE_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private final SentenceBank bank;

    public MessageComposer(SentenceBank bank) {
        this.bank = Objects.requireNonNull(bank);
    }

    public static MessageComposer shipped() {
        return new MessageComposer(SentenceBank.shipped());
    }

    /** The message a thread is continued from, as the receiving mailbox saw it. */
    public record Parent(String from, String subject, String messageId, List<String> references, String textBody,
                         ZonedDateTime sent) {
        public Parent {
            Objects.requireNonNull(from, "from");
            subject = subject == null ? "" : subject;
            references = references == null ? List.of() : List.copyOf(references);
            textBody = textBody == null ? "" : textBody;
        }
    }

    /** A new thread from {@code from} to {@code to}. */
    public WarmupMessage compose(String from, String to, RandomGenerator random) {
        SentenceBank.Topic topic = bank.topics().get(random.nextInt(bank.topics().size()));
        Map<String, String> context = new HashMap<>();
        String subject = capitalise(bank.fill(pick(topic.subjects(), random), context, random));
        List<String> sentences = new ArrayList<>(topic.bodies());
        int count = 3 + random.nextInt(3);
        StringBuilder body = new StringBuilder();
        body.append(greeting(to, context, random)).append("\n\n");
        if (random.nextInt(3) > 0) {
            body.append(bank.pick("opening", context, random)).append(' ');
        }
        for (int i = 0; i < count; i++) {
            String s = sentences.remove(random.nextInt(sentences.size()));
            body.append(capitalise(bank.fill(s, context, random))).append(i + 1 < count ? " " : "");
        }
        if (random.nextInt(4) == 0) {
            body.append(' ').append(bank.pick("aside", context, random));
        }
        body.append("\n\n").append(bank.pick("closing", context, random)).append("\n\n");
        String token = WarmupMarker.newToken(random);
        body.append(signature(from, context, random)).append("\n\n").append(WarmupMarker.bodyLine(token)).append('\n');
        return new WarmupMessage(from, to, subject, body.toString(), messageId(from, random), null, List.of(), token);
    }

    /** A reply from {@code replyFrom} to the parent's sender, in the parent's thread. */
    public WarmupMessage reply(Parent parent, String replyFrom, RandomGenerator random) {
        Map<String, String> context = new HashMap<>();
        StringBuilder body = new StringBuilder();
        body.append(greeting(parent.from(), context, random)).append("\n\n");
        body.append(bank.pick("reply", context, random));
        if (random.nextBoolean()) {
            body.append(' ').append(bank.pick("reply", context, random));
        }
        body.append("\n\n").append(signature(replyFrom, context, random)).append("\n\n");
        String token = WarmupMarker.newToken(random);
        body.append(WarmupMarker.bodyLine(token)).append('\n');
        if (parent.sent() != null && !parent.textBody().isBlank() && random.nextBoolean()) {
            context.put("date", QUOTE_DATE.format(parent.sent()));
            context.put("sender", parent.from());
            body.append('\n').append(bank.pick("quote", context, random)).append('\n');
            parent.textBody().strip().lines().forEach(l -> body.append(l.isEmpty() ? ">" : "> " + l).append('\n'));
        }
        List<String> refs = new ArrayList<>(parent.references());
        if (parent.messageId() != null) {
            refs.add(parent.messageId());
        }
        while (refs.size() > MAX_REFERENCES) {
            refs.remove(1);
        }
        return new WarmupMessage(replyFrom, parent.from(), replySubject(parent.subject()), body.toString(),
                messageId(replyFrom, random), parent.messageId(), refs, token);
    }

    /** {@code Re: } once, however many times the thread went back and forth (and whatever the client's prefix). */
    static String replySubject(String subject) {
        String s = subject.strip();
        while (s.regionMatches(true, 0, "re:", 0, 3) || s.regionMatches(true, 0, "aw:", 0, 3)) {
            s = s.substring(3).strip();
        }
        return "Re: " + s;
    }

    private String greeting(String to, Map<String, String> context, RandomGenerator random) {
        String name = firstName(to);
        if (name == null) {
            return bank.pick("anonymous", context, random);
        }
        context.put("name", name);
        return bank.pick("greeting", context, random);
    }

    private String signature(String from, Map<String, String> context, RandomGenerator random) {
        String name = firstName(from);
        String signoff = bank.pick("signoff", context, random);
        return name == null ? signoff : signoff + "\n" + name;
    }

    /** The first alphabetic part of the local part, capitalised ({@code ann.lee@…} → Ann), or null. */
    static String firstName(String address) {
        int at = address.indexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String first = local.split("[._+\\-]", 2)[0];
        if (first.length() < 2 || !first.chars().allMatch(Character::isLetter)) {
            return null;
        }
        String name = Character.toUpperCase(first.charAt(0)) + first.substring(1).toLowerCase(Locale.ROOT);
        // checked again after the case change: lowering can add a non-letter ("İ" becomes "i" and a combining dot)
        return name.chars().allMatch(Character::isLetter) ? name : null;
    }

    /** {@code <random@sender-domain>}: unique without a clock, and in the sender's domain as RFC 5322 advises. */
    static String messageId(String from, RandomGenerator random) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "localhost" : from.substring(at + 1);
        return "<" + Long.toUnsignedString(random.nextLong(), 36) + "." + Long.toUnsignedString(random.nextLong(), 36)
                + "@" + domain + ">";
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
