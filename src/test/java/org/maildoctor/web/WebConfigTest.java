package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebConfigTest {

    private static WebConfig bound(String bind) {
        return new WebConfig(bind, 8025, Optional.empty(), Optional.empty(), "t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.8.7", "::1", "[::1]", "localhost", "LOCALHOST"})
    void loopbackAddressesNeedNoSecrets(String bind) {
        WebConfig config = bound(bind);
        assertThat(config.isLoopback()).isTrue();
        config.requireSafeExposure();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "localhost.example.com"})
    void otherAddressesRefuseWithoutSecrets(String bind) {
        WebConfig config = bound(bind);
        assertThat(config.isLoopback()).isFalse();
        assertThatThrownBy(config::requireSafeExposure)
                .isInstanceOf(InsecureBindException.class)
                .hasMessageContaining(bind);
    }

    @Test
    void eitherSecretAllowsExposure() {
        new WebConfig("0.0.0.0", 8025, Optional.of("pw"), Optional.empty(), "t").requireSafeExposure();
        new WebConfig("0.0.0.0", 8025, Optional.empty(), Optional.of("tok"), "t").requireSafeExposure();
    }

    @Test
    void blankSecretsCountAsAbsent() {
        WebConfig config = new WebConfig("0.0.0.0", 8025, Optional.of(" "), Optional.of(""), "t");
        assertThat(config.authEnabled()).isFalse();
        assertThatThrownBy(config::requireSafeExposure).isInstanceOf(InsecureBindException.class);
    }

    @Test
    void toStringNeverShowsSecrets() {
        WebConfig config = new WebConfig("0.0.0.0", 8025, Optional.of("hunter2"), Optional.of("s3cr3t-token"), "t");
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t-token").contains("***");
    }

    @Test
    void bearerPrefersTokenAndLoginPrefersPassword() {
        WebConfig both = new WebConfig("0.0.0.0", 1, Optional.of("pw"), Optional.of("tok"), "t");
        assertThat(both.bearerSecret()).contains("tok");
        assertThat(both.loginSecret()).contains("pw");
        WebConfig tokenOnly = new WebConfig("0.0.0.0", 1, Optional.empty(), Optional.of("tok"), "t");
        assertThat(tokenOnly.loginSecret()).contains("tok");
    }

    @Test
    void rejectsImpossiblePorts() {
        assertThatThrownBy(() -> new WebConfig(null, 70000, Optional.empty(), Optional.empty(), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebConfig(null, 0, null, null, null).bindAddress()).isEqualTo("127.0.0.1");
    }
}
