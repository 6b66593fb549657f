package org.maildoctor.warmup.account;

import java.util.Map;
import java.util.Optional;
import org.maildoctor.warmup.MailboxProvider;

/** Each provider's documented submission and IMAP servers; a custom server has none. */
public final class ServerPresets {
    /** SMTP and IMAP endpoints of a provider. */
    public record Preset(Endpoint smtp, Endpoint imap) {
    }

    private static final Map<MailboxProvider, Preset> PRESETS = Map.of(
            MailboxProvider.GMAIL, both("smtp.gmail.com", 465, TlsMode.IMPLICIT, "imap.gmail.com"),
            MailboxProvider.GOOGLE_WORKSPACE, both("smtp.gmail.com", 465, TlsMode.IMPLICIT, "imap.gmail.com"),
            MailboxProvider.MICROSOFT_365, both("smtp.office365.com", 587, TlsMode.STARTTLS, "outlook.office365.com"),
            MailboxProvider.OUTLOOK_COM, both("smtp-mail.outlook.com", 587, TlsMode.STARTTLS, "outlook.office365.com"),
            MailboxProvider.YAHOO, both("smtp.mail.yahoo.com", 465, TlsMode.IMPLICIT, "imap.mail.yahoo.com"),
            MailboxProvider.ZOHO, both("smtp.zoho.com", 465, TlsMode.IMPLICIT, "imap.zoho.com"),
            MailboxProvider.ICLOUD, both("smtp.mail.me.com", 587, TlsMode.STARTTLS, "imap.mail.me.com"),
            MailboxProvider.FASTMAIL, both("smtp.fastmail.com", 465, TlsMode.IMPLICIT, "imap.fastmail.com"));

    private ServerPresets() {
    }

    public static Optional<Preset> of(MailboxProvider provider) {
        return Optional.ofNullable(PRESETS.get(provider));
    }

    private static Preset both(String smtp, int smtpPort, TlsMode smtpTls, String imap) {
        return new Preset(new Endpoint(smtp, smtpPort, smtpTls), new Endpoint(imap, 993, TlsMode.IMPLICIT));
    }
}
