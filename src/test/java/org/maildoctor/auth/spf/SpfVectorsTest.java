package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * maildoctor's own vectors, one file per topic under {@code src/test/resources/spf/vectors}, each
 * opening with the RFC paragraphs it covers (DESIGN.md example 6). Same format and driver as the
 * openspf suites.
 */
class SpfVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"limits", "ipv6", "dns-errors", "hostile"})
    void vectorsPass(String topic) throws IOException {
        RfcSuiteTest.Outcome o = RfcSuiteTest.run("/spf/vectors/" + topic + ".yml");
        System.out.println(o.summary("vectors/" + topic));
        assertThat(o.total()).isPositive();
        assertThat(o.deviations()).as("deviations in vectors/" + topic + ".yml").isEmpty();
    }
}
