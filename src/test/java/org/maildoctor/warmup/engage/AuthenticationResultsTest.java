package org.maildoctor.warmup.engage;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    @Test
    void gmailStyleHeaderPasses() {
        var v = AuthenticationResults.parse("mx.google.com;\r\n       dkim=pass header.i=@alpha.test header.s=s1 "
                + "header.b=abc;\r\n       spf=pass (google.com: domain of ann@alpha.test designates 192.0.2.1 as "
                + "permitted sender) smtp.mailfrom=ann@alpha.test;\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) "
                + "header.from=alpha.test");
        assertThat(v.authservId()).isEqualTo("mx.google.com");
        assertThat(v.results()).containsKeys("spf", "dkim", "dmarc");
        assertThat(v.passed()).contains(true);
    }

    @Test
    void anyFailureOrMissingMethodIsNotPassed() {
        assertThat(AuthenticationResults.parse("mx.example; spf=softfail smtp.mailfrom=a@b; dkim=pass; dmarc=fail")
                .passed()).contains(false);
        assertThat(AuthenticationResults.parse("mx.example; spf=pass smtp.mailfrom=a@b; dkim=pass").passed())
                .contains(false);
        // one good signature of two is enough for DKIM
        assertThat(AuthenticationResults.parse("mx; spf=pass; dkim=fail header.d=x; dkim=pass header.d=y; dmarc=pass")
                .passed()).contains(true);
    }

    @Test
    void semicolonsInCommentsAndQuotesDoNotSplit() {
        var v = AuthenticationResults.parse("mx 1; spf=pass (a; b) smtp.mailfrom=x; dkim=pass reason=\"ok; yes\"; "
                + "dmarc/1=PASS");
        assertThat(v.results().get("spf")).containsExactly("pass");
        assertThat(v.results().get("dkim")).containsExactly("pass");
        assertThat(v.results().get("dmarc")).containsExactly("pass");
        assertThat(v.results()).hasSize(3);
    }

    @Test
    void noAuthenticationDoneOrNoHeaderIsUnknown() {
        assertThat(AuthenticationResults.parse("mx.example; none").passed()).isEmpty();
        assertThat(AuthenticationResults.parse(null).passed()).isEmpty();
        assertThat(AuthenticationResults.parse("").passed()).isEmpty();
    }

    @Property
    void anyTextParsesWithoutThrowing(@ForAll String value) {
        assertThat(AuthenticationResults.parse(value)).isNotNull();
    }
}
