package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code corpora/dmarc/record-cases.tsv} (45 cases from checkdmarc's tests, see its README):
 * our valid/invalid verdict must agree with checkdmarc's on every row, and each checkdmarc error class
 * must show up as our finding id from {@link #ERROR_CLASSES}.
 */
class RecordCasesCorpusTest {

    /** checkdmarc exception class → our finding id. */
    static final Map<String, FindingId> ERROR_CLASSES = Map.of(
            "InvalidDMARCReportURI", FindingId.INVALID_URI,
            "InvalidDMARCTagValue", FindingId.INVALID_TAG_VALUE,
            "DMARCSyntaxError", FindingId.SYNTAX,
            "InvalidDMARCTag", FindingId.DUPLICATE_TAG,
            "SPFRecordFoundWhereDMARCRecordShouldBe", FindingId.SPF_AT_DMARC,
            "DMARCRecordStartsWithWhitespace", FindingId.LEADING_WHITESPACE,
            "MultipleDMARCRecords", FindingId.MULTIPLE_RECORDS,
            "UnrelatedTXTRecordFoundAtDMARC", FindingId.UNRELATED_TXT);

    /**
     * Rows whose rfc7489_note says a strict RFC 7489 reading differs. We follow RFC 9989 on all of them
     * (as checkdmarc does); the note says what an RFC 7489 receiver would do instead.
     */
    static final Map<String, String> RFC7489_NOTES = Map.ofEntries(
            Map.entry("p-invalid-value", "invalid either way; 7489 and 9989 both act as p=none given a valid rua"),
            Map.entry("np-tag", "7489 ignores np as unknown; 9989 applies it"),
            Map.entry("psd-tag", "7489 ignores psd; 9989 uses it in the tree walk"),
            Map.entry("t-tag", "7489 ignores t; 9989 applies the policy one level lower"),
            Map.entry("np-invalid", "7489 would ignore the unknown tag (valid); 9989 validates it: invalid"),
            Map.entry("psd-invalid", "7489 would ignore the unknown tag (valid); 9989 validates it: invalid"),
            Map.entry("t-invalid", "7489 would ignore the unknown tag (valid); 9989 validates it: invalid"),
            Map.entry("pct-removed", "valid; deprecated-tag warning, 7489 receivers still honour pct"),
            Map.entry("rf-removed", "valid; deprecated-tag warning"),
            Map.entry("ri-removed", "valid; deprecated-tag warning"),
            Map.entry("p-missing", "7489 requires p; 9989 treats it as p=none: valid with dmarc.no-policy warning"),
            Map.entry("unknown-tag", "both ignore unknown tags: valid with dmarc.unknown-tag"),
            Map.entry("spf-at-dmarc", "not a DMARC record under both"),
            Map.entry("pct-150", "out of range for 7489; 9989 removed pct: valid, the finding says 7489-invalid"),
            Map.entry("pct-negative", "out of range for 7489; valid under 9989 with the finding"),
            Map.entry("pct-text", "not an integer for 7489; valid under 9989 with the finding"),
            Map.entry("ri-text", "not an integer for 7489; valid under 9989 with the finding"),
            Map.entry("sp-invalid", "invalid either way; p=none given a valid rua, else no DMARC processing"),
            Map.entry("two-dmarc-records", "invalid under both: no DMARC processing"),
            Map.entry("unrelated-txt", "7489 discards the unrelated TXT; we report it (checkdmarc strict mode) "
                    + "but still apply the DMARC record"));

    record Row(String id, String kind, List<String> inputs, String expect, String detail, String note) {
    }

    static Stream<Row> rows() throws IOException {
        try (InputStream in = RecordCasesCorpusTest.class.getResourceAsStream("/corpora/dmarc/record-cases.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
            ObjectMapper json = new ObjectMapper();
            return lines.stream().map(l -> {
                String[] c = l.split("\t", -1);
                try {
                    List<String> inputs = json.readValue(c[2], new TypeReference<List<String>>() { });
                    return new Row(c[0], c[1], inputs, c[3], c[4], c.length > 5 ? c[5] : "");
                } catch (IOException e) {
                    throw new IllegalStateException(l, e);
                }
            }).toList().stream();
        }
    }

    static List<DmarcFinding> findingsOf(Row row) {
        return switch (row.kind()) {
            case "parse" -> DmarcRecordParser.parse(row.inputs().getFirst()).findings();
            case "parse(parked)" -> DmarcRecordParser.parseForParkedDomain(row.inputs().getFirst()).findings();
            case "txtset" -> DmarcRecordParser.parseTxtSet(row.inputs()).findings();
            case "uri" -> DmarcRecordParser.parseReportUri(row.inputs().getFirst()).findings();
            default -> throw new IllegalArgumentException("unknown kind " + row.kind());
        };
    }

    static boolean valid(Row row) {
        return switch (row.kind()) {
            case "parse" -> DmarcRecordParser.parse(row.inputs().getFirst()) instanceof DmarcParseResult.Valid;
            case "parse(parked)" -> DmarcRecordParser.parseForParkedDomain(row.inputs().getFirst())
                    instanceof DmarcParseResult.Valid;
            case "txtset" -> DmarcRecordParser.parseTxtSet(row.inputs()) instanceof DmarcParseResult.Valid;
            case "uri" -> DmarcRecordParser.parseReportUri(row.inputs().getFirst()) instanceof ReportUriParse.Valid;
            default -> throw new IllegalArgumentException(row.kind());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithCheckdmarcOnValidity(Row row) {
        List<DmarcFinding> findings = findingsOf(row);
        if (row.expect().equals("valid")) {
            assertThat(valid(row)).as(row.id() + " " + findings).isTrue();
            assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
        } else {
            String errorClass = row.expect().substring("error:".length());
            assertThat(ERROR_CLASSES).as("error class %s has a mapping", errorClass).containsKey(errorClass);
            assertThat(valid(row)).as(row.id() + " " + findings).isFalse();
            assertThat(findings).as(row.id()).extracting(DmarcFinding::id).contains(ERROR_CLASSES.get(errorClass));
        }
    }

    @Test
    void theCorpusHasAllItsRowsAndEveryRfc7489NoteIsAccountedFor() throws IOException {
        List<Row> all = rows().toList();
        assertThat(all).hasSize(45);
        assertThat(all.stream().filter(r -> !r.note().isBlank()).map(Row::id))
                .allMatch(RFC7489_NOTES::containsKey);
    }

    @Test
    void detailsTheCorpusStates() {
        DmarcRecord np = ((DmarcParseResult.Valid) DmarcRecordParser.parse("v=DMARC1; p=reject; sp=quarantine"))
                .record();
        assertThat(np.effectiveNonExistentPolicy()).isEqualTo(Policy.QUARANTINE);
        DmarcParseResult defaults = DmarcRecordParser.parse("v=DMARC1; p=reject");
        DmarcRecord d = defaults.effectiveRecord().orElseThrow();
        assertThat(d.effectiveNonExistentPolicy()).isEqualTo(Policy.REJECT);
        assertThat(d.psd()).isEqualTo(PsdFlag.UNKNOWN);
        assertThat(d.testing()).isEqualTo(TestingMode.OFF);
        assertThat(defaults.findings()).extracting(DmarcFinding::id).contains(FindingId.NO_RUA)
                .doesNotContain(FindingId.DEPRECATED_TAG);
        assertThat(DmarcRecordParser.parse("v=DMARC1; rua=mailto:dmarc@example.com").effectiveRecord().orElseThrow()
                .policy()).isEqualTo(Policy.NONE);
        assertThat(DmarcRecordParser.parse("v=DMARC1; sp=none; p=reject").findings()).extracting(DmarcFinding::id)
                .contains(FindingId.P_NOT_SECOND, FindingId.SUBDOMAIN_POLICY_WEAKER);
        assertThat(DmarcRecordParser.parse("v=DMARC1; p=reject; fo=0:1").findings()).extracting(DmarcFinding::id)
                .contains(FindingId.FO_REDUNDANT);
        assertThat(DmarcRecordParser.parseForParkedDomain("v=DMARC1; p=none").findings())
                .extracting(DmarcFinding::id).contains(FindingId.PARKED_NOT_REJECT);
        ReportUriParse.Valid sized = (ReportUriParse.Valid) DmarcRecordParser.parseReportUri(
                "mailto:dmarc@example.com!10m");
        assertThat(sized.uri().mailbox()).contains("dmarc@example.com");
        assertThat(sized.uri().sizeLimitBytes()).hasValue(10L * 1024 * 1024);
        assertThat(sized.findings()).extracting(DmarcFinding::id).containsExactly(FindingId.URI_SIZE_LIMIT);
    }
}
