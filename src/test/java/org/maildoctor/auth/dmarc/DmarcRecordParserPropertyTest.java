package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Any input gives a parse result with findings, never an exception (DESIGN.md, example 17). */
class DmarcRecordParserPropertyTest {

    @Property(tries = 2000)
    void arbitraryStringsNeverThrow(@ForAll @StringLength(max = 500) String input) {
        check(input);
    }

    @Property(tries = 3000)
    void recordShapedStringsNeverThrow(@ForAll("recordish") String input) {
        check(input);
    }

    @Property(tries = 1000)
    void arbitraryUrisNeverThrow(@ForAll("uriish") String input) {
        ReportUriParse r = DmarcRecordParser.parseReportUri(input);
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
        if (r instanceof ReportUriParse.Invalid bad) {
            assertThat(bad.finding().id()).isEqualTo(FindingId.INVALID_URI);
        }
    }

    @Provide
    Arbitrary<String> recordish() {
        Arbitrary<String> pieces = Arbitraries.of("v=DMARC1", "v", "=", ";", " ", "\t", "p", "sp", "np", "none",
                "reject", "quarantine", "rua", "ruf", "mailto:", "a@b.example", "@", ",", "!", "10m", "!99999999999999999999t",
                "fo", "0", "1", "d", "s", ":", "pct", "100", "-1", "psd", "y", "n", "u", "t", "adkim", "aspf", "r",
                "\u0000", "\u00e9", "食狮", "%", "%zz", "https://", "x", "V=DMARC1", " v=DMARC1");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> uriish() {
        Arbitrary<String> pieces = Arbitraries.of("mailto:", "https://", "http:", "ftp:", "a", "@", "b.example", "!",
                "1", "k", "m", "g", "t", "%", "%41", ",", " ", ":", "/", "?", "[", "]", "\u00e9", ".", "..", "-");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Example
    void tenThousandCharacterRecordsGiveFindings() {
        String junk = "v=DMARC1; p=reject; " + "x".repeat(10_000);
        DmarcParseResult r = DmarcRecordParser.parse(junk);
        assertThat(r).isInstanceOf(DmarcParseResult.Invalid.class);
        assertThat(r.findings()).extracting(DmarcFinding::id).contains(FindingId.SYNTAX);
        String manyTags = "v=DMARC1; p=reject; " + "rua=mailto:a@b.example; ".repeat(400);
        assertThat(DmarcRecordParser.parse(manyTags).findings()).extracting(DmarcFinding::id)
                .contains(FindingId.DUPLICATE_TAG);
        String longUri = "v=DMARC1; p=reject; rua=mailto:" + "a".repeat(10_000) + "@example.com";
        assertThat(DmarcRecordParser.parse(longUri).effectiveRecord()).isPresent();
        String garbage = "\u0000\u0001;;==;;" + "\uffff".repeat(10_000);
        assertThat(DmarcRecordParser.parse(garbage).findings()).extracting(DmarcFinding::id)
                .containsExactly(FindingId.NOT_DMARC);
        assertThat(DmarcRecordParser.parseTxtSet(List.of(junk, garbage, ""))).isInstanceOf(DmarcParseResult.Invalid.class);
    }

    private static void check(String input) {
        DmarcParseResult r = DmarcRecordParser.parse(input);
        assertThat(r).isNotNull();
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.explanation()).isNotBlank();
            assertThat(f.severity()).isNotNull();
        });
        switch (r) {
            case DmarcParseResult.Valid v -> assertThat(v.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
            case DmarcParseResult.Invalid i -> assertThat(i.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
            case DmarcParseResult.Absent a -> assertThat(a.effectiveRecord()).isEmpty();
        }
        DmarcRecordParser.parseForParkedDomain(input);
        DmarcRecordParser.parseTxtSet(List.of(input, input));
    }
}
