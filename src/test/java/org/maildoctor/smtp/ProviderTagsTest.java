package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link ProviderTags#find}, with its prefilters and skips, finds what the plain regex loops find. */
class ProviderTagsTest {

    @Property(tries = 3000)
    void findAgreesWithThePlainLoop(@ForAll("texts") String text) {
        assertThat(ProviderTags.find(text)).as(text).isEqualTo(ProviderTags.findPlain(text));
    }

    @Test
    void hostNamesAndCodes() {
        String text = "host gmail-smtp-in.l.google.com[142.250.1.26] said: 550-5.1.1 ... gsmtp; relayed by "
                + "mx.Example.ORG via MTA7.AM0.YahooDNS.NET and a.b.protection.outlook.com.";
        assertThat(ProviderTags.find(text)).isEqualTo(ProviderTags.findPlain(text)).extracting(ProviderTag::value)
                .containsExactly("gsmtp", "gmail-smtp-in.l.google.com", "a.b.protection.outlook.com", "MTA7.AM0.YahooDNS.NET");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ReplyShapedText.text(8), Arbitraries.of("mx.google.com", "GMAIL-SMTP-IN.L.GOOGLE.COM", "google.com",
                ".googlemail.com", "a.protection.outlook.com", "hotmail.com", "Outlook.Com", "x.yahoodns.net", "aol.com", ".aol.com",
                "mta7.am0.yahoodns.net", "[TSS04]", "gsmtp", "RESOLVER.ADR.RecipientNotFound", "(S3150)", "SC-001", "VS1-IP",
                "support.google.com/mail/?p=NoSuchUser", "-", ".", "_", "é", "K", " ", "a", "7", "mx", "[", "]")
                .list().ofMaxSize(10).map(l -> String.join("", l))).list().ofMaxSize(3).map(l -> String.join("", l));
    }
}
