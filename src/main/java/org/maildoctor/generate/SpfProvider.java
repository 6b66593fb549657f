package org.maildoctor.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sending services and the SPF include each one documents for customers. Where a provider's own
 * page was not available to check, or the include depends on the account or region, the note says
 * so: the include is still the usual one, but the provider's console is the authority.
 */
public enum SpfProvider {
    GOOGLE_WORKSPACE("google", "Google Workspace", "_spf.google.com", ""),
    MICROSOFT_365("microsoft365", "Microsoft 365", "spf.protection.outlook.com", ""),
    AMAZON_SES("amazonses", "Amazon SES", "amazonses.com",
            "Only needed when the MAIL FROM is your domain itself; with a custom MAIL FROM subdomain SES "
                    + "publishes SPF on that subdomain."),
    SENDGRID("sendgrid", "SendGrid", "sendgrid.net",
            "With domain authentication SendGrid uses its own bounce subdomain (CNAME) for SPF alignment."),
    MAILGUN("mailgun", "Mailgun", "mailgun.org", "EU-region accounts are documented with the same include."),
    BREVO("brevo", "Brevo (Sendinblue)", "spf.brevo.com", "Older accounts were told spf.sendinblue.com."),
    ZOHO("zoho", "Zoho Mail", "zoho.com",
            "Region-specific: zoho.eu, zoho.in, zoho.com.au or zoho.jp for accounts in those data centres."),
    MAILJET("mailjet", "Mailjet", "spf.mailjet.com", ""),
    SPARKPOST("sparkpost", "SparkPost", "sparkpostmail.com",
            "SparkPost recommends a custom bounce domain (CNAME) for SPF alignment instead."),
    POSTMARK("postmark", "Postmark", "spf.mtasv.net",
            "Postmark's Return-Path is its own subdomain by default; the include matters only with a custom one."),
    MAILCHIMP("mailchimp", "Mailchimp", "servers.mcsv.net",
            "Mailchimp sends with its own envelope domain; DKIM (CNAME) carries DMARC alignment."),
    MANDRILL("mandrill", "Mailchimp Transactional (Mandrill)", "spf.mandrillapp.com", ""),
    ELASTIC_EMAIL("elasticemail", "Elastic Email", "_spf.elasticemail.com", ""),
    SENDPULSE("sendpulse", "SendPulse", "mxsmtp.sendpulse.com", "Unverified against the provider's own page."),
    SALESFORCE("salesforce", "Salesforce", "_spf.salesforce.com", ""),
    HUBSPOT("hubspot", "HubSpot", "_spf.hubspot.com",
            "Unverified: HubSpot gives an account-specific include (dedicated IPs only) in Settings > Domains; "
                    + "on shared IPs HubSpot's own envelope domain is used and DKIM carries alignment."),
    ZENDESK("zendesk", "Zendesk", "mail.zendesk.com", ""),
    FASTMAIL("fastmail", "Fastmail", "spf.messagingengine.com", "");

    private final String id;
    private final String label;
    private final String include;
    private final String note;

    SpfProvider(String id, String label, String include, String note) {
        this.id = id;
        this.label = label;
        this.include = include;
        this.note = note;
    }

    /** The short name used on the command line and in JSON ({@code google}, {@code sendgrid} …). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The domain to include ({@code include:<domain>}). */
    public String include() {
        return include;
    }

    public Optional<String> note() {
        return note.isEmpty() ? Optional.empty() : Optional.of(note);
    }

    /**
     * @throws IllegalArgumentException naming the known ids, for anything else
     */
    public static SpfProvider parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (SpfProvider p : values()) {
            if (p.id.equals(t) || p.name().replace("_", "").toLowerCase(Locale.ROOT).equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "' (known: "
                + Arrays.stream(values()).map(SpfProvider::id).collect(Collectors.joining(", ")) + ")");
    }
}
