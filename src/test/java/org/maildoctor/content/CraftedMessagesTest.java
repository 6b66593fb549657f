package org.maildoctor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maildoctor.receiver.score.HeaderChecks;
import org.maildoctor.receiver.score.ScoreCheck;

/**
 * The acceptance table of the template and header checkers: a clean control and one crafted message
 * per known problem (src/test/resources/content/crafted, written by generate.py there); each must
 * yield exactly its expected finding ids, nothing more.
 */
class CraftedMessagesTest {
    record Case(String file, Set<String> expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = CraftedMessagesTest.class.getResourceAsStream("/content/crafted/expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> ids = new TreeSet<>();
                for (String id : f[1].strip().split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
                out.add(new Case(f[0], ids));
            }
        }
        return out;
    }

    static Set<String> findings(byte[] raw) {
        MessageContent m = MessageContent.parse(raw);
        Set<String> ids = new TreeSet<>(ContentChecker.standard().check(m, Set.of()).ids());
        HeaderChecks.check(m).stream().filter(c -> c.status().isProblem()).map(ScoreCheck::id).forEach(ids::add);
        return ids;
    }

    static Stream<Case> table() throws IOException {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachCraftedMessageYieldsExactlyItsFindings(Case c) throws IOException {
        byte[] raw;
        try (InputStream in = getClass().getResourceAsStream("/content/crafted/" + c.file())) {
            raw = in.readAllBytes();
        }
        assertThat(findings(raw)).as(c.file()).isEqualTo(c.expected());
    }

    @Test
    void theTableCoversAtLeastFortyProblemsAndAControl() throws IOException {
        List<Case> all = cases();
        assertThat(all.stream().filter(c -> c.expected().size() == 1)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().filter(c -> c.expected().isEmpty())).isNotEmpty();
        // every content rule except the blocklist one (needs a lookup) has a crafted message
        Set<String> covered = new TreeSet<>();
        all.forEach(c -> covered.addAll(c.expected()));
        for (ContentFindingId id : ContentFindingId.values()) {
            if (id != ContentFindingId.LINKS_BLOCKLISTED) {
                assertThat(covered).as("crafted message for " + id.id()).contains(id.id());
            }
        }
    }

    @Test
    void listedLinkHostsGiveTheBlocklistFinding() throws IOException {
        byte[] raw;
        try (InputStream in = getClass().getResourceAsStream("/content/crafted/control.eml")) {
            raw = in.readAllBytes();
        }
        ContentReport r = ContentChecker.standard().check(MessageContent.parse(raw), Set.of("shop.good.test"));
        assertThat(r.ids()).containsExactly("links.blocklisted");
        assertThat(r.score()).isEqualTo(7.0);
    }
}
