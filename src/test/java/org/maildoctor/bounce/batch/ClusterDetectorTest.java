package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.EnhancedStatus;

class ClusterDetectorTest {
    static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    static EnhancedStatus st(String s) {
        return EnhancedStatus.parse(s).orElseThrow();
    }

    @Test
    void manyUserUnknownFromOneDomainInMinutesIsACluster() {
        ClusterDetector d = new ClusterDetector(5, Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            d.add("example.com", st("5.1.1"), "user" + i + "@example.com", Optional.of(T0.plusSeconds(60L * i)), "550 5.1.1 User unknown");
        }
        List<Cluster> cs = d.clusters();
        assertThat(cs).hasSize(1);
        Cluster c = cs.get(0);
        assertThat(c.domain()).isEqualTo("example.com");
        assertThat(c.kind()).isEqualTo("5.1.1");
        assertThat(c.count()).isEqualTo(6);
        assertThat(c.recipients()).isEqualTo(6);
        assertThat(c.window()).contains(Duration.ofMinutes(5));
        assertThat(c.examples()).hasSize(3).first().asString().startsWith("user0@example.com: 550 5.1.1");
        assertThat(c.explanation()).contains("likely a block or reputation problem, not bad addresses", "within 5 min");
    }

    @Test
    void theSameRefusalsSpreadOverDaysAreNoCluster() {
        ClusterDetector d = new ClusterDetector(5, Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            d.add("example.com", st("5.1.1"), "user" + i + "@example.com", Optional.of(T0.plus(Duration.ofDays(i))), "x");
        }
        assertThat(d.clusters()).isEmpty();
    }

    @Test
    void oneAddressBouncingOftenIsNoCluster() {
        ClusterDetector d = new ClusterDetector(5, Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            d.add("example.com", st("5.1.1"), "same@example.com", Optional.of(T0.plusSeconds(i)), "x");
        }
        assertThat(d.clusters()).isEmpty();
    }

    @Test
    void policyRefusalsClusterApartAndOtherCodesNever() {
        ClusterDetector d = new ClusterDetector(3, Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            d.add("gmail.com", st("5.7." + (i == 0 ? "26" : "1")), "u" + i + "@gmail.com", Optional.of(T0.plusSeconds(i)), "x");
            d.add("gmail.com", st("5.2.2"), "f" + i + "@gmail.com", Optional.of(T0.plusSeconds(i)), "full");
            d.add("yahoo.com", st("4.7.0"), "t" + i + "@yahoo.com", Optional.of(T0.plusSeconds(i)), "deferred");
        }
        assertThat(d.clusters()).singleElement().satisfies(c -> {
            assertThat(c.domain()).isEqualTo("gmail.com");
            assertThat(c.kind()).isEqualTo("5.7.x");
        });
    }

    @Test
    void theDensestWindowIsReported() {
        ClusterDetector d = new ClusterDetector(3, Duration.ofMinutes(10));
        d.add("example.org", st("5.1.1"), "a@example.org", Optional.of(T0), "x");
        for (int i = 0; i < 4; i++) {
            d.add("example.org", st("5.1.1"), "b" + i + "@example.org", Optional.of(T0.plus(Duration.ofHours(5)).plusSeconds(i)), "x");
        }
        Cluster c = d.clusters().get(0);
        assertThat(c.recipients()).isEqualTo(4);
        assertThat(c.first()).contains(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void undatedBouncesClusterOverTheBatchAndSayTheyHaveNoDates() {
        ClusterDetector d = new ClusterDetector(3, Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            d.add("example.net", st("5.1.1"), "u" + i + "@example.net", Optional.empty(), "x");
        }
        Cluster c = d.clusters().get(0);
        assertThat(c.window()).isEmpty();
        assertThat(c.explanation()).contains("no dates");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ClusterDetector(1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterDetector(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
