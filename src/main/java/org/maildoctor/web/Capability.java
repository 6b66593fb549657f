package org.maildoctor.web;

import java.util.List;

/**
 * The product's capabilities, each with a page of its own. Until a capability ships its own
 * {@link WebModule}, {@link PlaceholderModule} shows what is coming on that page.
 */
public enum Capability {
    BOUNCES("/bounces", "Bounces", "Parse any bounce message and explain the SMTP codes inside it.",
            List.of("Paste or upload a bounce (DSN, ARF, vendor formats) and get the failed recipients",
                    "Plain-language explanation of SMTP reply and enhanced status codes",
                    "Classification into hard, soft and policy bounces with suggested action")),
    AUDIT("/audit", "Domain audit", "Check a sending domain's DNS and reputation setup.",
            List.of("SPF, DKIM and DMARC records, parsed and validated",
                    "MX, MTA-STS and TLS-RPT policies",
                    "BIMI record and logo checks",
                    "Reverse DNS of sending IPs and DNS blocklist lookups")),
    BLOCKLISTS("/blocklists", "Blocklists", "Check an IP address or a domain against DNS blocklists.",
            List.of("Spamhaus ZEN and DBL, Barracuda, SpamCop, UCEPROTECT, Mailspike, SURBL, URIBL and more",
                    "Return codes explained, with the list's reason and its delisting link",
                    "Refused queries and dead lists reported as unknown, never as listed")),
    GENERATE("/generate", "Generators", "Build the SPF, DMARC, DKIM and MTA-STS records to publish.",
            List.of("SPF from a provider catalogue with the lookup count and flattening advice",
                    "DMARC with a staged rollout plan and report authorizations",
                    "DKIM key pairs and MTA-STS/TLS-RPT records")),
    VERIFY("/verify", "Verify", "Verify recipient addresses before you send.",
            List.of("Single-address verification: syntax, domain, MX and SMTP mailbox probe",
                    "Bulk verification of uploaded lists with progress and downloadable results",
                    "Detection of disposable, role and catch-all addresses")),
    DELIVERABILITY("/deliverability", "Deliverability test", "Send a test message and get a score out of 10.",
            List.of("A unique test address to send your real message to",
                    "Authentication, content and infrastructure checks on what arrived",
                    "A score out of 10 with the points lost and how to win them back")),
    PLACEMENT("/placement", "Inbox placement", "Where seed mailboxes at each provider file your message.",
            List.of("Seed mailboxes at Gmail, Outlook, Yahoo and others, read over IMAP",
                    "Inbox, Spam, a category tab or missing, per seed and per provider",
                    "Send the test yourself or let maildoctor send it")),
    WARMUP("/warmup", "Warm-up", "Ramp up a new domain or IP without hurting its reputation.",
            List.of("Ramp schedules that raise daily volume step by step",
                    "A network of mailboxes that open, reply and rescue from spam",
                    "Inbox placement tracking over time"));

    private final String path;
    private final String label;
    private final String summary;
    private final List<String> coming;

    Capability(String path, String label, String summary, List<String> coming) {
        this.path = path;
        this.label = label;
        this.summary = summary;
        this.coming = coming;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public String summary() {
        return summary;
    }

    public List<String> coming() {
        return coming;
    }
}
