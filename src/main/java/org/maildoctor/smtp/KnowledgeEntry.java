package org.maildoctor.smtp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the knowledge base knows about one key: an enhanced code ({@code X.1.1}, or a class-specific
 * {@code 5.7.515}), a subject ({@code X.7}), a provider tag ({@code TSS04}), a reason
 * ({@code userunknown}) or a basic reply code ({@code 550}).
 *
 * @param key            the key as written in the data file, prefixed by its kind ({@code status:X.1.1})
 * @param title          a few words, e.g. "Bad destination mailbox address"
 * @param meaning        one or two plain sentences
 * @param reason         the reason a reply matching only this entry is classified as
 * @param hard           whether the recipient address is permanently bad (see {@link Reason#hardByDefault()})
 * @param providerNotes  what Gmail, Microsoft or Yahoo mean by it, when they use it in their own way
 */
public record KnowledgeEntry(String key, String title, String meaning, Optional<Reason> reason, boolean hard,
        List<String> causes, List<String> fixesForSender, List<String> fixesForAdmin,
        Map<Provider, String> providerNotes, List<String> sources) {

    public KnowledgeEntry {
        reason = reason == null ? Optional.empty() : reason;
        causes = List.copyOf(causes == null ? List.of() : causes);
        fixesForSender = List.copyOf(fixesForSender == null ? List.of() : fixesForSender);
        fixesForAdmin = List.copyOf(fixesForAdmin == null ? List.of() : fixesForAdmin);
        providerNotes = Explanation.ordered(providerNotes == null ? Map.of() : providerNotes);
        sources = List.copyOf(sources == null ? List.of() : sources);
    }

    /** A complete entry: a meaning, at least one cause and at least one fix. */
    public boolean isComplete() {
        return meaning != null && !meaning.isBlank() && !causes.isEmpty()
                && !(fixesForSender.isEmpty() && fixesForAdmin.isEmpty());
    }
}
