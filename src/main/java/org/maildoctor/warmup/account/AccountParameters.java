package org.maildoctor.warmup.account;

import java.util.Locale;
import java.util.function.Function;
import org.maildoctor.warmup.MailboxProvider;

/**
 * A {@link AccountRepository.NewAccount} from named text values: the CLI's option names without
 * dashes ({@code address, provider, smtp, smtpTls, imap, imapTls, username, auth}), shared by the
 * CLI, the REST API and the web form so each reports the same error for the same mistake. The
 * servers come from the provider's preset unless {@code smtp} / {@code imap} are given.
 */
public final class AccountParameters {
    private AccountParameters() {
    }

    /** @param get value of a parameter, or null when absent */
    public static AccountRepository.NewAccount parse(Function<String, String> get) {
        String address = text(get, "address");
        if (address == null || !address.contains("@") || address.startsWith("@") || address.endsWith("@")) {
            throw new IllegalArgumentException("not an email address: '" + (address == null ? "" : address) + "'");
        }
        String providerText = text(get, "provider");
        MailboxProvider p = providerText == null ? MailboxProvider.CUSTOM : MailboxProvider.parse(providerText);
        var preset = ServerPresets.of(p);
        String smtp = text(get, "smtp");
        String imap = text(get, "imap");
        Endpoint s = smtp != null ? endpoint(smtp, 587, text(get, "smtpTls"), true)
                : preset.map(ServerPresets.Preset::smtp).orElseThrow(() ->
                        new IllegalArgumentException("the SMTP server (--smtp) is required for a custom server"));
        Endpoint i = imap != null ? endpoint(imap, 993, text(get, "imapTls"), false)
                : preset.map(ServerPresets.Preset::imap).orElseThrow(() ->
                        new IllegalArgumentException("the IMAP server (--imap) is required for a custom server"));
        String normalised = address.toLowerCase(Locale.ROOT);
        String username = text(get, "username");
        String auth = text(get, "auth");
        return new AccountRepository.NewAccount(normalised, p, s, i, username == null ? normalised : username,
                auth == null ? AuthKind.PASSWORD : AuthKind.parse(auth));
    }

    /** {@code HOST[:PORT]}; without a TLS mode, implicit TLS on 465 (SMTP) and for IMAP, else STARTTLS. */
    public static Endpoint endpoint(String text, int defaultPort, String tls, boolean smtp) {
        Endpoint e = Endpoint.parse(text, defaultPort, TlsMode.IMPLICIT);
        TlsMode mode = tls != null && !tls.isBlank() ? TlsMode.parse(tls)
                : smtp && e.port() != 465 ? TlsMode.STARTTLS : TlsMode.IMPLICIT;
        return new Endpoint(e.host(), e.port(), mode);
    }

    private static String text(Function<String, String> get, String name) {
        String v = get.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
