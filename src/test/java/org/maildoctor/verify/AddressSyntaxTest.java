package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jane@example.org | jane@example.org",
        "Jane.Doe@EXAMPLE.ORG | Jane.Doe@example.org",
        "\"jane doe\"@example.org | \"jane doe\"@example.org",
        "jane+tag@example.org | jane+tag@example.org",
        "jörg@bücher.example | jörg@xn--bcher-kva.example",
        "jane@bücher.example | jane@xn--bcher-kva.example",
        "  jane@example.org  | jane@example.org",
    })
    void validAddressesAreNormalised(String input, String normalized) {
        AddressSyntax.Result r = AddressSyntax.parse(input);
        assertThat(r).isInstanceOf(AddressSyntax.Result.Valid.class);
        assertThat(((AddressSyntax.Result.Valid) r).address().normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jane", "jane@", "@example.org", "jane@@example.org", "jane@localhost",
        "jane@[192.0.2.1]", "jane@exa mple.org", "jane..doe@example.org", "jane@-example.org"})
    void invalidAddressesSayWhy(String input) {
        AddressSyntax.Result r = AddressSyntax.parse(input);
        assertThat(r).isInstanceOf(AddressSyntax.Result.Invalid.class);
        assertThat(((AddressSyntax.Result.Invalid) r).why()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void aHundredKilobyteAddressIsInvalidWithoutParsingIt() {
        String huge = "a".repeat(100_000) + "@example.org";
        AddressSyntax.Result r = AddressSyntax.parse(huge);
        assertThat(((AddressSyntax.Result.Invalid) r).why()).contains("longer than 254");
    }
}
