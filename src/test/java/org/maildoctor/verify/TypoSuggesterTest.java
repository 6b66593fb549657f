package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypoSuggesterTest {
    private final TypoSuggester typos = TypoSuggester.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gmial.com, gmail.com",
        "gamil.com, gmail.com",
        "gmai.com, gmail.com",
        "gmaill.com, gmail.com",
        "gnail.com, gmail.com",
        "gmail.con, gmail.com",
        "gmail.cmo, gmail.com",
        "gmail.co, gmail.com",
        "gmail.cm, gmail.com",
        "gmail.om, gmail.com",
        "gmail.comm, gmail.com",
        "gmal.com, gmail.com",
        "hotmial.com, hotmail.com",
        "hotmal.com, hotmail.com",
        "hotmai.com, hotmail.com",
        "hotmail.con, hotmail.com",
        "hotamil.com, hotmail.com",
        "yaho.com, yahoo.com",
        "yahooo.com, yahoo.com",
        "yhoo.com, yahoo.com",
        "yahoo.cmo, yahoo.com",
        "yahoo.co, yahoo.com",
        "outlok.com, outlook.com",
        "outloo.com, outlook.com",
        "outlook.co, outlook.com",
        "otulook.com, outlook.com",
        "iclod.com, icloud.com",
        "icloud.con, icloud.com",
        "protonmial.com, protonmail.com",
        "comcast.nte, comcast.net",
        "verizon.ner, verizon.net",
        "hotmail.co.ukk, hotmail.co.uk",
        "googlemial.com, googlemail.com",
        "example.con, example.com",
        "example.cmo, example.com",
    })
    void suggestsTheIntendedDomain(String typed, String expected) {
        assertThat(typos.suggestDomain(typed)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com",
        "live.com", "msn.com", "gmx.de", "web.de", "mail.com", "yahoo.co.uk", "hotmail.co.uk", "protonmail.com",
        "proton.me", "comcast.net", "qq.com", "163.com"})
    void correctPopularDomainsGetNoSuggestion(String domain) {
        assertThat(typos.suggestDomain(domain)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.co", "good.test", "bol.com", "mycompany.org", "gmx.fr",
        "university.edu", "acme.io"})
    void ordinaryDomainsGetNoSuggestion(String domain) {
        assertThat(typos.suggestDomain(domain)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"gmail.com, gmail.com, 0", "gmial.com, gmail.com, 1", "gamil.com, gmail.com, 1",
        "hotmail.com, hotmial.co, 2"})
    void distanceCountsATranspositionAsOneEdit(String a, String b, int expected) {
        assertThat(TypoSuggester.distance(a, b, 10)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theAddressKeepsItsLocalPart() {
        assertThat(typos.suggestAddress(new AddressSyntax.Parsed("Jane.Doe", "gmial.com")))
                .contains("Jane.Doe@gmail.com");
    }
}
