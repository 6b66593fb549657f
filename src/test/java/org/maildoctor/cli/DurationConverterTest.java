package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "2s,2000", "1m,60000", "1h,3600000", "3,3000", "PT2S,2000", " 10 S ,10000"})
    void parsesTheUsualSpellings(String text, long millis) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2x", "-1s", "0s", "ms", "1.5s", "99999999999999999999999s"})
    void rejectsWithAMessageNamingTheValue(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'");
    }

    @Property
    void anyStringGivesADurationOrAConversionError(@ForAll String text) {
        try {
            assertThat(DurationConverter.parse(text)).isPositive();
        } catch (TypeConversionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
