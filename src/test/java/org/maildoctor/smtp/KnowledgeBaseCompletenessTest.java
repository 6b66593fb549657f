package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base is complete: every code in the shipped IANA registry, every reason and every
 * provider tag has an entry with a meaning, at least one cause and at least one fix, and each
 * entry's hard/soft agrees with its reason.
 */
class KnowledgeBaseCompletenessTest {

    private final KnowledgeBase kb = KnowledgeBase.standard();
    private final StatusCodeRegistry registry = StatusCodeRegistry.standard();

    @Test
    void registryHasTheRowsAddedSince2017() {
        assertThat(registry.all()).hasSizeGreaterThanOrEqualTo(81);
        assertThat(registry.lookup("X.7.29")).map(RegisteredCode::sampleText).contains("ARC validation failure");
        assertThat(registry.lookup("X.7.30")).map(RegisteredCode::reference).hasValueSatisfying(r -> assertThat(r).contains("RFC8689"));
        assertThat(registry.lookup("X.6.10")).map(RegisteredCode::isDeprecated).contains(true);
        assertThat(registry.lookup("X.1.1")).map(RegisteredCode::description)
                .hasValueSatisfying(d -> assertThat(d).doesNotContain("\n").contains("does not exist"));
    }

    @Test
    void everyRegistryCodeHasACompleteEntryOfItsOwn() {
        List<String> missing = new ArrayList<>();
        for (RegisteredCode code : registry.all()) {
            kb.forRegistryCode(code.code()).filter(KnowledgeEntry::isComplete)
                    .ifPresentOrElse(e -> { }, () -> missing.add(code.code()));
        }
        assertThat(missing).as("registry codes without a complete knowledge-base entry").isEmpty();
    }

    @Test
    void everyReasonHasACompleteEntryThatAgreesWithItsHardDefault() {
        for (Reason r : Reason.values()) {
            assertThat(kb.forReason(r)).as(r.code()).hasValueSatisfying(e -> {
                assertThat(e.isComplete()).as("%s complete", r.code()).isTrue();
                assertThat(e.hard()).as("%s hard", r.code()).isEqualTo(r.hardByDefault());
            });
        }
    }

    @Test
    void everyEntryIsCompleteAndItsHardFlagMatchesItsReason() {
        List<KnowledgeEntry> all = new ArrayList<>();
        all.addAll(kb.statusEntries().values());
        all.addAll(kb.subjectEntries().values());
        all.addAll(kb.tagEntries().values());
        all.addAll(kb.replyCodeEntries().values());
        all.addAll(kb.reasonEntries().values());
        for (KnowledgeEntry e : all) {
            assertThat(e.isComplete()).as("%s complete", e.key()).isTrue();
            assertThat(e.title()).as("%s title", e.key()).isNotBlank();
            e.reason().ifPresent(r -> assertThat(e.hard()).as("%s hard vs %s", e.key(), r.code()).isEqualTo(r.hardByDefault()));
            // A YAML flow list splits "[a, b]" at the comma; every item is a sentence that starts capitalised.
            for (List<String> items : List.of(e.causes(), e.fixesForSender(), e.fixesForAdmin())) {
                assertThat(items).as("%s items", e.key())
                        .allSatisfy(i -> assertThat(Character.isUpperCase(i.charAt(0)) || Character.isDigit(i.charAt(0))).isTrue());
            }
        }
    }

    @Test
    void everySubjectOfRfc3463HasAFallbackEntry() {
        for (int subject = 0; subject <= 7; subject++) {
            EnhancedStatus s = new EnhancedStatus(ReplyClass.PERMANENT_FAILURE, subject, 999);
            assertThat(kb.forSubject(s)).as("X.%d", subject).isPresent();
        }
    }

    @Test
    void providerCodesOfTheIssueHaveEntries() {
        for (String code : List.of("5.7.26", "5.7.25", "4.7.28", "5.7.1", "5.7.509", "5.7.510", "5.7.515", "5.7.606",
                "5.7.627", "5.7.649", "5.1.10", "5.5.0", "4.4.7", "4.7.650")) {
            EnhancedStatus s = EnhancedStatus.parse(code).orElseThrow();
            assertThat(kb.forStatus(s)).as(code).hasValueSatisfying(e -> assertThat(e.isComplete()).isTrue());
        }
        for (String tag : List.of("TSS04", "TSS09", "PH01", "RESOLVER.ADR.RecipientNotFound")) {
            assertThat(kb.forTag(tag)).as(tag).hasValueSatisfying(e -> assertThat(e.isComplete()).isTrue());
        }
        assertThat(kb.forStatus(EnhancedStatus.parse("5.7.650").orElseThrow()))
                .as("4.7.650-699 is a class-4 range only").isEmpty();
    }

    // Codes seen in the bounce corpus: BounceCorpusKnowledgeTest scans every status and reply code the
    // parser reports over the copied corpus (no hard-coded list).

    @Test
    void everyProviderTagKeyIsRecognisedInReplyText() {
        for (Map.Entry<String, KnowledgeEntry> e : kb.tagEntries().entrySet()) {
            String key = e.getValue().key().substring("tag:".length());
            List<String> samples = List.of(key, "[" + key + "]", "(" + key + ")", "https://support.google.com/mail/?p=" + key);
            boolean found = samples.stream().flatMap(s -> ProviderTags.find(s).stream())
                    .anyMatch(t -> t.value().equalsIgnoreCase(key));
            assertThat(found).as("tag %s is found by ProviderTags", key).isTrue();
        }
    }
}
