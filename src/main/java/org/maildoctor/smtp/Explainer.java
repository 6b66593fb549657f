package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a reply from the knowledge base. Entries are gathered most specific first: provider tag,
 * exact enhanced code, code subject ({@code X.7}), reason, basic reply code. The meaning comes from
 * the first entry; causes and fixes come from the first entries that have at least two of each. When the wording
 * reveals a different reason than the code's usual one ({@code 550 5.7.1 ... Spamhaus}), the
 * reason's entry moves ahead of the code's, because it says more about this reply.
 */
public final class Explainer {

    /** Enough to be useful on a terminal; the first items are the most specific ones. */
    static final int MAX_ITEMS = 8;
    static final int MIN_ITEMS = 2;

    private final KnowledgeBase kb;
    private final ReasonClassifier classifier;

    public Explainer(KnowledgeBase kb) {
        this.kb = kb;
        this.classifier = new ReasonClassifier(kb);
    }

    public static Explainer standard() {
        return new Explainer(KnowledgeBase.standard());
    }

    /** Parses and explains; a {@link ReplyParseResult.NotAReply} passes through unchanged. */
    public Result explain(String pasted) {
        return switch (SmtpReplyParser.parse(pasted)) {
            case ReplyParseResult.Parsed p -> new Result.Explained(explain(p.reply()));
            case ReplyParseResult.NotAReply n -> new Result.NotExplained(n.reason());
        };
    }

    /** The outcome of {@link #explain(String)}. */
    public sealed interface Result {
        record Explained(Explanation explanation) implements Result {
        }

        record NotExplained(String reason) implements Result {
        }
    }

    public Explanation explain(SmtpReply reply) {
        Reason reason = classifier.classify(reply);
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (ProviderTag tag : reply.tags()) {
            kb.forTag(tag.value()).ifPresent(entries::add);
        }
        Optional<KnowledgeEntry> status = reply.status().flatMap(kb::forStatus);
        Optional<KnowledgeEntry> subject = reply.status().flatMap(kb::forSubject);
        Optional<KnowledgeEntry> byReason = kb.forReason(reason);
        Optional<Reason> codeReason = status.flatMap(KnowledgeEntry::reason)
                .or(() -> subject.flatMap(KnowledgeEntry::reason));
        boolean reasonSaysMore = codeReason.isPresent() && codeReason.get() != reason;
        if (reasonSaysMore) {
            byReason.ifPresent(entries::add);
        }
        status.ifPresent(entries::add);
        if (status.isEmpty()) {
            subject.ifPresent(entries::add);
        }
        if (!reasonSaysMore) {
            byReason.ifPresent(entries::add);
        }
        reply.replyCode().flatMap(kb::forReplyCode).ifPresent(entries::add);
        List<KnowledgeEntry> used = entries.stream().distinct().toList();

        KnowledgeEntry first = used.isEmpty() ? null : used.getFirst();
        String title = first != null && first.title() != null ? first.title() : reason.summary();
        String meaning = first != null ? first.meaning() : fallbackMeaning(reply, reason);
        Map<Provider, String> notes = new EnumMap<>(Provider.class);
        used.forEach(e -> e.providerNotes().forEach(notes::putIfAbsent));
        boolean hard = reason.isHard(reply.isTransientFailure());
        return new Explanation(reply, reason, hard, title, meaning,
                merge(used, KnowledgeEntry::causes), merge(used, KnowledgeEntry::fixesForSender),
                merge(used, KnowledgeEntry::fixesForAdmin), notes, used.stream().map(KnowledgeEntry::key).toList());
    }

    private static String fallbackMeaning(SmtpReply reply, Reason reason) {
        return reply.replyCode().map(ReplyCode::meaning).orElse(reason.summary()) + ".";
    }

    /**
     * Whole entries in order until there are {@link #MIN_ITEMS}: the most specific entry speaks
     * alone when it says enough, because the general entries behind it mostly repeat it in vaguer words.
     */
    private static List<String> merge(List<KnowledgeEntry> entries,
            java.util.function.Function<KnowledgeEntry, List<String>> items) {
        Set<String> out = new LinkedHashSet<>();
        for (KnowledgeEntry e : entries) {
            if (out.size() >= MIN_ITEMS) {
                break;
            }
            for (String item : items.apply(e)) {
                if (out.size() < MAX_ITEMS) {
                    out.add(item.strip());
                }
            }
        }
        return List.copyOf(out);
    }
}
