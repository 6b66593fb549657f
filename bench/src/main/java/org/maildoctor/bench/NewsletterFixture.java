package org.maildoctor.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyGenerator;
import org.maildoctor.auth.dkim.DkimPrivateKeys;
import org.maildoctor.auth.dkim.DkimSigner;
import org.maildoctor.auth.dkim.DkimSigningKey;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.dkim.SignOutcome;

/**
 * The receiver benchmarks' message and DNS: a 3.5 KB newsletter from good.test, DKIM-signed with a
 * fresh RSA-2048 key, and an in-memory zone in which SPF (mx), DKIM, DMARC (p=reject) and FCrDNS of
 * 127.0.0.1 all pass.
 */
final class NewsletterFixture {
    final MapZone zone;
    private final DkimSigner signer;

    NewsletterFixture() {
        GeneratedDkimKey key = new DkimKeyGenerator().generate("good.test", "sel1", DkimAlgorithm.KeyType.RSA, 2048);
        zone = new MapZone()
                .txt("good.test", "v=spf1 mx ip4:127.0.0.1 -all")
                .mx("good.test", 10, "mx.good.test")
                .a("mx.good.test", "127.0.0.1")
                .txt("_dmarc.good.test", "v=DMARC1; p=reject; adkim=r; aspf=r")
                .ptr("1.0.0.127.in-addr.arpa", "mx.good.test")
                .txt(key.dnsName(), key.recordStrings().toArray(String[]::new))
                .exists("test");
        signer = new DkimSigner(new DkimSigningKey("good.test", "sel1",
                DkimPrivateKeys.parse(key.privateKeyPem()).orElseThrow()), Clock.systemUTC());
    }

    /** The signed newsletter addressed to {@code to}, CRLF line ends. */
    byte[] signed(String to) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            body.append("Line ").append(k).append(" of an ordinary newsletter paragraph about the week's news.\r\n");
        }
        return ((SignOutcome.Signed) signer.sign(("From: Alice <alice@good.test>\r\nTo: " + to + "\r\n"
                + "Subject: Weekly news\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <b1@good.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8))).message();
    }
}
