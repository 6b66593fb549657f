package org.maildoctor.bounce.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link JsonTree} against the tree an ObjectMapper reads from the same text, its oracle. */
class JsonTreeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/corpora/bounces/webhook-json");

    @Test
    void readsTheCorpusWebhookBodiesAsTheMapperDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        for (Path f : files) {
            String json = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(JsonTree.read(json)).as(f.toString()).isEqualTo(MAPPER.readTree(json));
        }
    }

    @Property(tries = 1000)
    void readsAnyDocumentAsTheMapperDoes(@ForAll("documents") Object doc) throws IOException {
        String json = MAPPER.writeValueAsString(doc);
        JsonNode ours = JsonTree.read(json);
        assertThat(ours).as(json).isEqualTo(MAPPER.readTree(json));
        assertThat(ours.getNodeType()).isEqualTo(MAPPER.readTree(json).getNodeType());
    }

    @Test
    void keepsTheLastOfDuplicateKeysAndReadsOnlyTheFirstValue() throws IOException {
        for (String json : List.of("{\"a\":1,\"a\":\"two\"}", "[1] [2]", "  ", "12345678901234567890123", "-0.5e3", "null")) {
            assertThat(JsonTree.read(json)).as(json).isEqualTo(MAPPER.readTree(json));
        }
    }

    @Test
    void failsOnBrokenJsonAsTheMapperDoes() {
        for (String json : List.of("{\"a\":", "[1,2", "{\"a\" 1}", "{\"a\":1", "\"open", "{]", "[1,}")) {
            assertThatThrownBy(() -> MAPPER.readTree(json)).as("mapper: " + json).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> JsonTree.read(json)).as(json).isInstanceOf(IOException.class);
        }
    }

    @Provide
    Arbitrary<Object> documents() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(20).negate(), java.math.BigInteger.TEN.pow(20))
                        .map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(4), inner).ofMaxSize(4).map(m -> (Object) m)), 0, 4);
    }
}
