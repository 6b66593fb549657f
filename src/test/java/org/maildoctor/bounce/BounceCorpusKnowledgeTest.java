package org.maildoctor.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.KnowledgeBase;
import org.maildoctor.smtp.KnowledgeEntry;
import org.maildoctor.smtp.StatusCodeRegistry;

/**
 * Knowledge-base completeness against real data (issue 3, acceptance): every enhanced status code and
 * every basic reply code the parser reports over the whole bounce corpus, and every code of the IANA
 * registry, has a complete knowledge-base entry (meaning, causes, fixes) of its own: the exact code
 * ({@code 5.4.312}) or its registry form ({@code X.4.312}), not only a subject fallback.
 */
class BounceCorpusKnowledgeTest {

    private final KnowledgeBase kb = KnowledgeBase.standard();

    @Test
    void everyCodeTheParserReportsOverTheCorpusHasAnEntry() throws IOException, URISyntaxException {
        Path root = Path.of(BounceCorpusKnowledgeTest.class.getResource("/corpora/bounces/README.md").toURI()).getParent();
        Set<String> statuses = new TreeSet<>();
        Set<Integer> replies = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv")
                    && !p.getFileName().toString().equals("LICENSE") && !p.getFileName().toString().startsWith(".")).toList();
        }
        for (Path p : files) {
            for (ParseOutcome o : BounceParser.standard().parseAll(Files.readAllBytes(p))) {
                for (BounceResult r : o.results()) {
                    r.status().map(EnhancedStatus::toString).ifPresent(statuses::add);
                    r.replyCode().ifPresent(c -> replies.add(c.value()));
                }
            }
        }
        // the scan must see the corpus, or the assertion below proves nothing
        assertThat(statuses).hasSizeGreaterThan(50).contains("5.1.1", "4.4.7", "5.7.1");
        assertThat(replies).hasSizeGreaterThan(15).contains(550, 554, 421);

        List<String> missingStatus = statuses.stream()
                .filter(c -> kb.forStatus(EnhancedStatus.parse(c).orElseThrow()).filter(KnowledgeEntry::isComplete).isEmpty())
                .toList();
        List<Integer> missingReply = replies.stream()
                .filter(c -> kb.forReplyCode(new org.maildoctor.smtp.ReplyCode(c)).filter(KnowledgeEntry::isComplete).isEmpty())
                .toList();
        System.out.printf(Locale.ROOT, "knowledge base vs corpus: %d status codes, %d reply codes seen; missing %s %s%n",
                statuses.size(), replies.size(), missingStatus, missingReply);
        assertThat(missingStatus).as("enhanced status codes seen in the corpus without a complete entry").isEmpty();
        assertThat(missingReply).as("reply codes seen in the corpus without a complete entry").isEmpty();
    }

    @Test
    void everyIanaRegistryCodeHasAnEntry() {
        List<String> missing = StatusCodeRegistry.standard().all().stream().map(c -> c.code())
                .filter(c -> kb.forRegistryCode(c).filter(KnowledgeEntry::isComplete).isEmpty()).toList();
        assertThat(StatusCodeRegistry.standard().all()).hasSizeGreaterThanOrEqualTo(81);
        assertThat(missing).as("IANA registry codes without a complete entry").isEmpty();
    }
}
