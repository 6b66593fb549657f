package org.maildoctor.transport.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8461 §3.1: "v=STSv1" first, then an id of 1-32 alphanumerics; extension fields allowed. */
class MtaStsRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"v=STSv1; id=20160831085700Z;", "v=STSv1;id=abc", "v=STSv1; id=1; ext_a=b.c",
        "v=STSv1; id=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void validRecords(String text) {
        assertThat(MtaStsRecord.parse(text)).isInstanceOf(MtaStsRecord.Parse.Valid.class);
    }

    @Test
    void idIsRead() {
        var v = (MtaStsRecord.Parse.Valid) MtaStsRecord.parse("v=STSv1; id=20160831085700Z;");
        assertThat(v.record().id()).isEqualTo("20160831085700Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=STSv1", "v=STSv1;", "v=STSv1; id=", "v=STSv1; id=has-dash",
        "v=STSv1; id=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "v=STSv1; id=1; id=2", "v=STSv10; id=1",
        "v=STSv1; id=1; =x", "v=STSv1; id=1;; x=y"})
    void invalidRecordsSayWhy(String text) {
        assertThat(MtaStsRecord.parse(text)).isInstanceOfSatisfying(MtaStsRecord.Parse.Invalid.class,
                i -> assertThat(i.reason()).isNotBlank());
    }

    @Test
    void otherTxtRecordsAreIgnoredAndTwoCandidatesMeanNone() {
        assertThat(MtaStsRecord.select(List.of("v=spf1 -all"))).isEmpty();
        assertThat(MtaStsRecord.select(List.of("v=spf1 -all", "v=STSv1; id=1")).orElseThrow())
                .isInstanceOf(MtaStsRecord.Parse.Valid.class);
        assertThat(MtaStsRecord.select(List.of("v=STSv1; id=1", "v=STSv1; id=2")).orElseThrow())
                .isInstanceOfSatisfying(MtaStsRecord.Parse.Invalid.class,
                        i -> assertThat(i.reason()).contains("2 records"));
    }
}
