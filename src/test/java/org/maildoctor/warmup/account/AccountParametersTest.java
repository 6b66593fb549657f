package org.maildoctor.warmup.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.warmup.MailboxProvider;

class AccountParametersTest {
    static AccountRepository.NewAccount parse(Map<String, String> m) {
        return AccountParameters.parse(m::get);
    }

    @Test
    void aPresetFillsTheServersAndTheAddressIsTheLogin() {
        var a = parse(Map.of("address", " Ann@Example.ORG ", "provider", "microsoft-365"));
        assertThat(a.address()).isEqualTo("ann@example.org");
        assertThat(a.username()).isEqualTo("ann@example.org");
        assertThat(a.provider()).isEqualTo(MailboxProvider.MICROSOFT_365);
        assertThat(a.smtp()).isEqualTo(new Endpoint("smtp.office365.com", 587, TlsMode.STARTTLS));
        assertThat(a.imap()).isEqualTo(new Endpoint("outlook.office365.com", 993, TlsMode.IMPLICIT));
        assertThat(a.auth()).isEqualTo(AuthKind.PASSWORD);
    }

    @ParameterizedTest(name = "smtp {0} tls {1} -> {2}:{3} {4}")
    @CsvSource({"mail.test, '', 587, STARTTLS", "mail.test:465, '', 465, IMPLICIT", "mail.test:2525, none, 2525, NONE",
        "mail.test:465, starttls, 465, STARTTLS"})
    void customServersTakeDefaultPortsAndTlsFromThePort(String smtp, String tls, int port, TlsMode mode) {
        var a = parse(Map.of("address", "b@mail.test", "smtp", smtp, "smtpTls", tls, "imap", "imap.mail.test",
                "username", "bob", "auth", "xoauth2"));
        assertThat(a.smtp()).isEqualTo(new Endpoint("mail.test", port, mode));
        assertThat(a.imap()).isEqualTo(new Endpoint("imap.mail.test", 993, TlsMode.IMPLICIT));
        assertThat(a.provider()).isEqualTo(MailboxProvider.CUSTOM);
        assertThat(a.username()).isEqualTo("bob");
        assertThat(a.auth()).isEqualTo(AuthKind.XOAUTH2);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse(Map.of("address", "nobody"))).hasMessage("not an email address: 'nobody'");
        assertThatThrownBy(() -> parse(Map.of("address", "@x.test"))).hasMessageContaining("not an email address");
        assertThatThrownBy(() -> parse(Map.of())).hasMessage("not an email address: ''");
        assertThatThrownBy(() -> parse(Map.of("address", "a@x.test")))
                .hasMessageContaining("SMTP server (--smtp) is required for a custom server");
        assertThatThrownBy(() -> parse(Map.of("address", "a@x.test", "smtp", "s.x.test")))
                .hasMessageContaining("IMAP server (--imap) is required");
        assertThatThrownBy(() -> parse(Map.of("address", "a@x.test", "provider", "hotmale")))
                .hasMessageContaining("unknown provider 'hotmale'");
    }
}
