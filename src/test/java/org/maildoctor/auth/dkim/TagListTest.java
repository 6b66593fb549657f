package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6376 3.2 tag-lists. */
class TagListTest {

    @Test
    void fwsAroundNamesAndValuesIsIgnoredAndTrailingSemicolonAllowed() {
        TagList t = TagList.parse(" v = DKIM1 ;\r\n\tx1 = extra ; t = y:n:extra; p=AB\r\n CD ; ");
        assertThat(t).isInstanceOf(TagList.Parsed.class);
        TagList.Parsed p = (TagList.Parsed) t;
        assertThat(p.tags()).containsOnlyKeys("v", "x1", "t", "p");
        assertThat(p.get("v")).hasValue("DKIM1");
        assertThat(p.get("t")).hasValue("y:n:extra");
        assertThat(p.get("p")).hasValue("AB\r\n CD");
        assertThat(TagList.removeFws(p.get("p").orElseThrow())).isEqualTo("ABCD");
    }

    @ParameterizedTest(name = "''{0}'' is malformed: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            k=rsa; t; p=AB            | tag without '='
            a=1; a=2                  | duplicate tag a=
            1a=x                      | invalid tag name
            =x                        | invalid tag name
            """)
    void malformed(String text, String problem) {
        assertThat(TagList.parse(text)).isInstanceOfSatisfying(TagList.Malformed.class,
                m -> assertThat(m.problem()).contains(problem));
    }

    @Test
    void emptyValuesAndEmptyListsAreValid() {
        assertThat(((TagList.Parsed) TagList.parse("p=")).get("p")).hasValue("");
        assertThat(((TagList.Parsed) TagList.parse("")).tags()).isEmpty();
    }
}
