package org.maildoctor.transport.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SvgTinyPsTest {
    private static final String GOOD = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny-ps\" "
            + "viewBox=\"0 0 64 64\"><title>Example</title><rect width=\"64\" height=\"64\"/></svg>";

    private static java.util.List<String> check(String svg) {
        return SvgTinyPs.check(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTinyPsLogoPasses() {
        assertThat(check(GOOD)).isEmpty();
    }

    @Test
    void eachRuleIsReported() {
        assertThat(check(GOOD.replace("tiny-ps", "tiny"))).singleElement().asString().contains("baseProfile");
        assertThat(check(GOOD.replace("<title>Example</title>", ""))).singleElement().asString().contains("<title>");
        assertThat(check(GOOD.replace("0 0 64 64", "0 0 64 32"))).singleElement().asString().contains("not square");
        assertThat(check(GOOD.replace("<rect", "<script>x()</script><rect"))).singleElement().asString().contains("<script>");
        assertThat(check(GOOD.replace("<rect", "<rect onclick=\"x()\""))).singleElement().asString().contains("event handler");
        assertThat(check(GOOD.replace("<svg ", "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .replace("<rect", "<use xlink:href=\"https://evil.example/a.svg#x\"/><rect")))
                .singleElement().asString().contains("refers outside");
    }

    @Test
    void doctypeAndGarbageAreCleanFindings() {
        assertThat(check("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + GOOD))
                .singleElement().asString().contains("DOCTYPE");
        assertThat(check("not xml at all")).singleElement().asString().startsWith("not well-formed XML");
        assertThat(check("<html/>")).singleElement().asString().contains("root element");
    }
}
