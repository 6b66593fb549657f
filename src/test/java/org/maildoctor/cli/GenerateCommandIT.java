package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;

/**
 * {@code maildoctor generate spf} against the harness DNS: a generated record identical to a
 * published one costs exactly what {@code spf show} counts for it.
 */
class GenerateCommandIT {

    private static JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void lookupCountEqualsSpfShowOnTheSameRecord() throws Exception {
        // toomany.broken.test publishes "v=spf1 include:l1.broken.test -all", a chain of 11 includes
        JsonNode generated = json("generate", "spf", "--domain", "toomany.broken.test", "--include", "l1.broken.test",
                "--dns", Harness.dnsServer(), "--json");
        JsonNode shown = json("spf", "show", "toomany.broken.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(generated.get("record").get("value").asText()).isEqualTo(shown.get("tree").get("record").asText());
        assertThat(generated.get("lookups").asInt()).isEqualTo(shown.get("lookups").asInt()).isEqualTo(11);
        JsonNode flat = generated.get("flattening");
        assertThat(flat.get("flattened").get(0).asText()).isEqualTo("l1.broken.test");
        assertThat(flat.get("record").get("value").asText()).isEqualTo("v=spf1 ip4:127.0.0.1 -all");
        assertThat(flat.get("lookupsAfter").asInt()).isZero();

        JsonNode good = json("generate", "spf", "--domain", "good.test", "--mx", "--ip4", "127.0.0.1",
                "--dns", Harness.dnsServer(), "--json");
        JsonNode goodShown = json("spf", "show", "good.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(good.get("record").get("value").asText()).isEqualTo(goodShown.get("tree").get("record").asText());
        assertThat(good.get("lookups").asInt()).isEqualTo(goodShown.get("lookups").asInt()).isEqualTo(1);
    }
}
